"""Free questions in Korean, English and Chinese -> a Query: normalize, find slots, rank intents."""
