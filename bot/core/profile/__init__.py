"""Company profiles: what a firm is and plans to spend, matched against every program of every place.

``model`` the profile and its JSON form · ``parse`` a profile from free text · ``match`` every program
checked against it · ``answer`` the reply · ``dialogue`` the questions, one at a time · ``handler`` the
``/profile`` feature · ``route`` which free messages are about a profile.
"""
