"""Matching listens to the changes of what it reads (common.signals) instead of being called from below."""

from .services import match_recompute_later


def recompute_after_commit(sender, *, candidate_ids=(), vacancy_ids=(), course_ids=(), **kwargs) -> None:
    match_recompute_later(candidate_ids=candidate_ids, vacancy_ids=vacancy_ids, course_ids=course_ids)
