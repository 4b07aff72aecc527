"""Which answer function serves each intent."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.handlers import centers, cities, city, compare, fx, help, program_info, subsidy, targets
from bot.core.query import Query
from bot.core.reply import Reply
from bot.core.services import Services

Answer = Callable[[Services, Query, str], Reply]

ANSWERS: dict[str, Answer] = {
    "subsidy_calc": subsidy.answer,
    "city_overview": city.answer,
    "list_cities": cities.answer,
    "fx": fx.answer,
    "help": help.answer,
    "program_info": program_info.answer,
    "compare": compare.answer,
    "compute_target": targets.answer,
    "computing_center": centers.answer,
}


def route(services: Services, query: Query, lang: str) -> Reply:
    answer = ANSWERS.get(query.intent)
    if answer is None:
        return help.unknown(lang)
    return answer(services, query, lang)
