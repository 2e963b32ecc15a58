"""The best assignment of waiting candidates to mentors under each mentor's free capacity.

Pure Python, no database: the caller passes each candidate's feasible mentors with an integer fit
(higher is better) and each mentor's free places; the result maximises the total fit. Leaving a
candidate without a mentor is allowed and scores 0, so no pair with a fit of 0 or less is ever used.

The method is the row-by-row Hungarian algorithm generalised to capacities, i.e. successive shortest
augmenting paths in the residual network source → candidate → mentor → sink with Johnson potentials
(Dijkstra on non-negative reduced costs). Each candidate has a private "no mentor" edge of cost 0 to
the sink. Adding candidates one at a time keeps the partial assignment optimal, and a search stops as
soon as it reaches the sink, so it stays cheap while mentors still have room. With E candidate-mentor
pairs, n candidates and V nodes the worst case is O(n · E log V); pruning each candidate to their top K
mentors (see `top_k`) keeps E at n · K.
"""

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence

NO_MENTOR = -1
INFINITY = float("inf")


def top_k(options: Iterable[tuple[Hashable, int]], k: int) -> list[tuple[Hashable, int]]:
    """The k options with the highest fit, best first (ties keep their input order)."""
    ranked = [option for option in options if option[1] > 0]
    if k < len(ranked):
        return heapq.nlargest(k, ranked, key=lambda option: option[1])
    return sorted(ranked, key=lambda option: -option[1])


def assignment_optimal(
    *, options: Mapping[Hashable, Sequence[tuple[Hashable, int]]], capacities: Mapping[Hashable, int]
) -> dict[Hashable, Hashable]:
    """Candidate → mentor with the highest total fit, at most `capacities[mentor]` candidates per mentor.

    `options[candidate]` lists (mentor, fit) pairs; mentors missing from `capacities` or with no free
    place are ignored. Candidates left without a mentor are absent from the result.

    The searches start from the scarcer side: from the candidates while places are plenty, from the
    mentors' places (one row per place) when there are fewer places than candidates. Both give the same
    optimum; the scarcer side finds a free partner quickly and so keeps every search short.
    """
    places = sum(max(free, 0) for free in capacities.values())
    if places >= len(options):
        return _assign_rows(options=options, capacities=capacities)
    offered: dict[Hashable, list[tuple[Hashable, int]]] = {}
    for candidate, choices in options.items():
        for mentor, fit in choices:
            offered.setdefault(mentor, []).append((candidate, fit))
    rows = {
        (mentor, place): offered[mentor]
        for mentor, free in capacities.items()
        if mentor in offered
        for place in range(free)
    }
    taken = _assign_rows(options=rows, capacities={candidate: 1 for candidate in options})
    return {candidate: mentor for (mentor, _place), candidate in taken.items()}


def _assign_rows(
    *, options: Mapping[Hashable, Sequence[tuple[Hashable, int]]], capacities: Mapping[Hashable, int]
) -> dict[Hashable, Hashable]:
    """The optimal assignment, searching from each row (a unit of supply) in turn."""
    candidates = list(options)
    mentors = [mentor for mentor, free in capacities.items() if free > 0]
    mentor_index = {mentor: index for index, mentor in enumerate(mentors)}
    n = len(candidates)
    sink = n + len(mentors)
    capacity = [capacities[mentor] for mentor in mentors]

    # Costs are negated fits; node ids: candidates 0..n-1, mentors n.., sink last.
    adjacency: list[list[tuple[int, int]]] = []
    for candidate in candidates:
        edges, seen = [], set()
        for mentor, fit in options[candidate]:
            index = mentor_index.get(mentor)
            if index is not None and fit > 0 and index not in seen:
                seen.add(index)
                edges.append((n + index, -int(fit)))
        adjacency.append(edges)

    assigned = [NO_MENTOR] * n  # mentor node of each candidate, or NO_MENTOR
    members: list[dict[int, int]] = [{} for _ in mentors]  # mentor → {candidate: cost}
    # Johnson potentials. After each search every node should rise by min(its distance, the sink's
    # distance); only differences matter, so the settled nodes move by their distance minus the sink's
    # and the rest stay where they are.
    potential = [0] * (sink + 1)
    distance = [INFINITY] * (sink + 1)
    previous = [0] * (sink + 1)
    heappush, heappop = heapq.heappush, heapq.heappop

    # Any order gives the optimum; candidates with the strongest pairs first displace fewer people later.
    order = sorted(range(n), key=lambda index: min((cost for _mentor, cost in adjacency[index]), default=0))
    for source in order:
        if not adjacency[source]:
            continue
        # A new candidate has no incoming residual edge, so its potential may be set freely:
        # high enough that every edge out of it has a non-negative reduced cost.
        potential[source] = max(potential[sink], max(potential[mentor] - cost for mentor, cost in adjacency[source]))
        distance[source] = 0
        touched, settled, heap = [source], [], [(0, source)]
        sink_potential = potential[sink]
        while heap:
            d, node = heappop(heap)
            if d > distance[node]:
                continue  # an outdated entry
            if node == sink:
                break
            settled.append(node)
            base = d + potential[node]
            if node < n:
                current = assigned[node]
                for mentor, cost in adjacency[node]:
                    if mentor != current:
                        nd = base + cost - potential[mentor]
                        if nd < distance[mentor]:
                            if distance[mentor] == INFINITY:
                                touched.append(mentor)
                            distance[mentor] = nd
                            previous[mentor] = node
                            heappush(heap, (nd, mentor))
                if current != NO_MENTOR or node == source:
                    # Leaving (or never taking) a mentor: the "no mentor" edge to the sink.
                    nd = base - sink_potential
                    if nd < distance[sink]:
                        if distance[sink] == INFINITY:
                            touched.append(sink)
                        distance[sink] = nd
                        previous[sink] = node
                        heappush(heap, (nd, sink))
            else:
                group = members[node - n]
                if len(group) < capacity[node - n]:
                    nd = base - sink_potential
                    if nd < distance[sink]:
                        if distance[sink] == INFINITY:
                            touched.append(sink)
                        distance[sink] = nd
                        previous[sink] = node
                        heappush(heap, (nd, sink))
                for candidate, cost in group.items():
                    nd = base - cost - potential[candidate]
                    if nd < distance[candidate]:
                        if distance[candidate] == INFINITY:
                            touched.append(candidate)
                        distance[candidate] = nd
                        previous[candidate] = node
                        heappush(heap, (nd, candidate))

        # The source's own "no mentor" edge guarantees the sink was reached.
        sink_distance = distance[sink]
        for node in settled:
            potential[node] += distance[node] - sink_distance

        # Walk the path back from the sink and flip every edge on it.
        node = sink
        while node != source:
            before = previous[node]
            if node == sink:
                if before < n and assigned[before] != NO_MENTOR:  # the candidate gives up their mentor
                    del members[assigned[before] - n][before]
                    assigned[before] = NO_MENTOR
            elif node >= n:  # candidate `before` takes mentor `node`
                cost = next(cost for mentor, cost in adjacency[before] if mentor == node)
                if assigned[before] != NO_MENTOR:
                    del members[assigned[before] - n][before]
                assigned[before] = node
                members[node - n][before] = cost
            node = before
        for node in touched:
            distance[node] = INFINITY

    return {candidates[index]: mentors[assigned[index] - n] for index in range(n) if assigned[index] != NO_MENTOR}


def assignment_greedy(
    *, options: Mapping[Hashable, Sequence[tuple[Hashable, int]]], capacities: Mapping[Hashable, int]
) -> dict[Hashable, Hashable]:
    """The obvious heuristic, for comparison only: take the best remaining pair until nothing fits."""
    free = dict(capacities)
    pairs = sorted(
        ((fit, order, candidate, mentor) for order, (candidate, choices) in enumerate(options.items())
         for mentor, fit in choices if fit > 0),
        key=lambda pair: (-pair[0], pair[1]),
    )  # fmt: skip
    result: dict[Hashable, Hashable] = {}
    for _fit, _order, candidate, mentor in pairs:
        if candidate not in result and free.get(mentor, 0) > 0:
            result[candidate] = mentor
            free[mentor] -= 1
    return result


def assignment_total(
    *, options: Mapping[Hashable, Sequence[tuple[Hashable, int]]], assignment: Mapping[Hashable, Hashable]
) -> int:
    """The summed fit of an assignment."""
    fits = {(candidate, mentor): fit for candidate, choices in options.items() for mentor, fit in choices}
    return sum(fits[(candidate, mentor)] for candidate, mentor in assignment.items())
