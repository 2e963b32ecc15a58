"""Pages of search results that stay cheap at the scale of a state."""

from collections.abc import Callable

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Above this many results a page says "more than 1,000" instead of counting them all.
ESTIMATE_ABOVE = 1000
# Nobody pages this deep; a page number beyond it leads to the last page counted.
MAX_REACH = 100_000


class SearchPaginator(Paginator):
    """A paginator for querysets of search results, with a bounded number of queries whatever the page size.

    * It counts only as far as needed: up to ESTIMATE_ABOVE results, or to the page asked for if that lies
      further. Beyond that `is_estimate` is true and `count` includes one more result than `estimate_floor`,
      so the page text says "more than …" and the next page stays reachable. `estimate_above=None` counts
      everything, for lists whose readers need the exact number.
    * A page's ids are chosen in a subquery, and only the rows of those ids are joined with their related
      objects and read in full, so the database sorts narrow rows and joins only the rows shown.
    * `narrow(queryset, rows)`, when given, may return a cheaper queryset whose first `rows` results are the
      same in the same order; it is used for the ids of a page when there are many results.

    Two queries for a page (count, rows), plus those of `narrow`; one when nothing is found.
    """

    estimate_above: int | None = ESTIMATE_ABOVE

    def __init__(
        self,
        object_list: QuerySet,
        per_page: int,
        *,
        narrow: Callable[[QuerySet, int], QuerySet] | None = None,
        **kwargs,
    ):
        if "estimate_above" in kwargs:
            self.estimate_above = kwargs.pop("estimate_above")
        super().__init__(object_list, per_page, **kwargs)
        self.narrow = narrow
        self._reach = 0

    def get_page(self, number):
        try:
            self._reach = min(max(int(number), 1) * self.per_page, MAX_REACH)
        except (TypeError, ValueError):
            self._reach = self.per_page  # the first page is shown
        return super().get_page(number)

    @cached_property
    def estimate_floor(self) -> int:
        return max(self.estimate_above or 0, self._reach)

    @cached_property
    def count(self) -> int:
        if self.estimate_above is None:
            return self.object_list.order_by().count()
        return self.object_list.order_by()[: self.estimate_floor + 1].count()

    @property
    def is_estimate(self) -> bool:
        return self.estimate_above is not None and self.count > self.estimate_floor

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if top <= bottom:
            return self._get_page([], number, self)
        ordered = self.narrow(self.object_list, top) if self.narrow and self.is_estimate else self.object_list
        # The page's ids come from a subquery: sorted narrow rows; joins and wide columns for those ids only.
        rows = self.object_list.filter(pk__in=ordered.values("pk")[bottom:top])
        return self._get_page(list(rows), number, self)
