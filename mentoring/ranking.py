"""Kept for imports written against an earlier layout: mentor ranking lives in matching.selectors
(`mentor_rank_for_candidate`, `mentor_pair_score`), the mentor languages in mentoring.models."""

from .models import MENTOR_LANGUAGES

__all__ = ["MENTOR_LANGUAGES"]
