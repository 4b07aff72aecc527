"""The names of what a message can ask (the acts the understanding step tells apart).

The core's registry (bot/core/registry.py) gives each a handler, an access rule, menus and help; a new
intent may be added there alone and is then recognised by similarity to the examples it declares.
"""

from __future__ import annotations

PROGRAM_INFO = "program_info"
SUBSIDY_CALC = "subsidy_calc"
CITY_OVERVIEW = "city_overview"
LIST_CITIES = "list_cities"
COMPARE = "compare"
COMPUTE_TARGET = "compute_target"
COMPUTING_CENTER = "computing_center"
FX = "fx"
HELP = "help"
LANG = "lang"
SUBSCRIBE = "subscribe"
UNSUBSCRIBE = "unsubscribe"
SUBSCRIPTIONS = "subscriptions"
ANNOUNCE = "announce"
DETAILS = "details"
PROFILE = "profile"
UNKNOWN = "unknown"
