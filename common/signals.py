"""Signals through which a low app announces a change without knowing who listens.

Profiles, vacancies and courses live below matching; their services send `matching_inputs_changed` inside the
writing transaction, and matching (which listens, see matching/receivers.py) recomputes after the commit.
"""

from django.dispatch import Signal

# Keyword arguments: candidate_ids, vacancy_ids, course_ids (iterables of ids; any may be left out).
matching_inputs_changed = Signal()
