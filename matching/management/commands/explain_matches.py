"""Explain one candidate's matches, for coordinators and support: `manage.py explain_matches EMAIL`.

Shows what the engine knows of the candidate, the stored matches with every part of their scores, and the
pathways; `--recompute` recomputes the candidate first, `--language` picks the language of the reasons.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from matching.facts import candidate_facts_load
from matching.models import MatchKind
from matching.reasons import COORDINATOR
from matching.selectors import match_list_for_candidate, pathways_for_candidate
from matching.services import match_recompute_for_candidate
from portal.models import CandidateProfile


class Command(BaseCommand):
    help = "Explain the matches of one candidate: the facts used, each match's score parts and reasons, pathways."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The candidate's e-mail address.")
        parser.add_argument("--recompute", action="store_true", help="Recompute the candidate's matches first.")
        parser.add_argument(
            "--language", default=settings.LANGUAGE_CODE, choices=[code for code, _name in settings.LANGUAGES]
        )
        parser.add_argument("--limit", type=int, default=10, help="How many matches of each kind to show.")

    def handle(self, *args, email, recompute, language, limit, **options):
        profile = CandidateProfile.objects.filter(user__email__iexact=email.strip()).select_related("user").first()
        if profile is None:
            raise CommandError("No candidate with this e-mail address.")
        if recompute:
            result = match_recompute_for_candidate(profile=profile)
            self.stdout.write(
                f"Recomputed: {result.inserted} new, {result.updated} changed, {result.deleted} removed, "
                f"{result.unchanged} unchanged."
            )
        facts = candidate_facts_load(profile_ids=[profile.pk])
        self.stdout.write(f"Candidate {profile.public_id}")
        if not facts:
            self.stdout.write("  The account is closed: no matches.")
            return
        candidate = facts[0]
        self.stdout.write(
            f"  German rank {candidate.german}, looking for {sorted(candidate.looking_for) or 'anything'}, "
            f"hours {candidate.hours or '-'}, from {candidate.earliest_start or 'now'}, "
            f"postal code {profile.postal_code or '-'} ({'located' if candidate.location else 'no place'}), "
            f"radius {candidate.radius_km} km, transport {candidate.transport or '-'}, "
            f"occupations {list(candidate.occupations) or '-'}, childcare needed {candidate.childcare_needed}, "
            f"shift work {candidate.shift_work_possible}, licences {sorted(candidate.licences) or '-'}, "
            f"recognised {candidate.recognised}, age {candidate.age if candidate.age is not None else '-'}"
        )
        with translation.override(language):
            for kind, title in ((MatchKind.VACANCY, "Vacancies"), (MatchKind.COURSE, "Courses")):
                items = match_list_for_candidate(profile=profile, kind=kind, limit=limit)
                self.stdout.write(f"\n{title} ({len(items)} shown):")
                for item in items:
                    self.stdout.write(f"  {item.score:3d}  #{item.target.pk} {item.target.title}")
                    for code, points, params in item.match.parts:
                        self.stdout.write(f"         {points:3d}  {code} {params or ''}")
                    self.stdout.write(f"         → {'; '.join(item.reasons)}")
            pathways = pathways_for_candidate(profile=profile, audience=COORDINATOR)
            self.stdout.write(f"\nPathways ({len(pathways)}):")
            for pathway in pathways:
                trial = f" + {pathway.trial.title} (#{pathway.trial.pk})" if pathway.trial else ""
                steps = " then ".join(f"{course.title} (#{course.pk})" for course in pathway.courses) or "no course"
                recognition = f", recognition ({pathway.recognition_status or 'not started'})"
                self.stdout.write(
                    f"  {pathway.score:3d}  {pathway.vacancy.title} (#{pathway.vacancy.pk}), German {pathway.have} → "
                    f"{pathway.need}: {steps}{trial}"
                    f"{recognition if pathway.recognition_status is not None else ''}; ready {pathway.ready_on}, "
                    f"before start {pathway.before_start}, before close {pathway.before_close}"
                )
