"""`__in` on integer columns ignores numbers no 64-bit column can hold.

Django already answers `pk=10**30` with "no such row", but `pk__in=[10**30]` reaches the database, where
SQLite refuses the number (OverflowError, a server error). Form fields that pick several rows by id
(ModelMultipleChoiceField) build exactly that query from whatever a browser sent.
"""

from django.db.models import ForeignKey, IntegerField
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In

BIGINT_RANGE = range(-(2**63), 2**63)


def _storable(values):
    return [value for value in values if not isinstance(value, int) or value in BIGINT_RANGE]


class IntegerIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            self.rhs = _storable(self.rhs)
        return super().process_rhs(compiler, connection)


class IntegerRelatedIn(RelatedIn):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            self.rhs = _storable(self.rhs)
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerIn)
    ForeignKey.register_lookup(IntegerRelatedIn)
