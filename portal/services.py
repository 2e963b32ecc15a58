from accounts.models import Role, User

from .models import CandidateProfile


def candidate_profile_ensure(*, user: User) -> CandidateProfile:
    """The candidate's profile, created empty on first use (onboarding fills it step by step)."""
    if user.role != Role.CANDIDATE:
        raise ValueError("Only candidates have a candidate profile.")
    profile, _ = CandidateProfile.objects.get_or_create(user=user)
    return profile
