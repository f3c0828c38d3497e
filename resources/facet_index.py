"""The resource library's facet index: for each facet value, which resources carry it, as one
bit per resource, kept in each app server process's memory.

Counting facets in SQL joins every tag row (about 85,000 at 10,000 resources) with the matching
resources on every request: 25-30 ms. With bit sets, a count is an AND and a popcount over one
bit per resource: microseconds (docs/performance.md). The index keeps the facets' values too.
Which resources match a search, and in which order they are shown, is always asked of the
database.

The index is built on first use, with one query per facet table, and rebuilt after any edit: it
belongs to the page cache's generation (core/page_cache.py), which every publish, unpublish,
move and delete bumps, as does any change to snippets (the taxonomies are snippets), settings
and view restrictions. It is never older than MAX_AGE seconds either. When the cache cannot say
which generation is current (Redis down), the library counts in SQL instead."""

import time
from dataclasses import dataclass

from core import page_cache

# A safety net only: edits rebuild the index straight away.
MAX_AGE = 300

# Library page pk -> its index, in this process.
_indexes = {}


def bits_at(positions, size):
    """An integer whose bits at `positions` are set."""
    flags = bytearray(size // 8 + 1)
    for bit in positions:
        flags[bit >> 3] |= 1 << (bit & 7)
    return int.from_bytes(flags, "little")


@dataclass(frozen=True)
class FacetIndex:
    generation: str
    built_at: float
    # Resource pk -> its bit, and the other way round.
    position: dict
    pks: list
    # Every live resource of the library that anyone may see.
    everything: int
    # (facet parameter, value pk) -> the resources carrying that value.
    values: dict
    # Every value of every facet (LibrarySearch._terms), which also change only with edits.
    terms: list

    def resources(self, pks):
        """The bits of the resources `pks`; any not in the index are left out."""
        position = self.position
        return bits_at((position[pk] for pk in pks if pk in position), len(position))

    def pks_of(self, bits, limit=None):
        """The resources whose bits are set, in bit order (the first `limit` of them)."""
        found, pks = [], self.pks
        for byte_number, byte in enumerate(bits.to_bytes(len(pks) // 8 + 1, "little")):
            while byte:
                if len(found) == limit:
                    return found
                low = byte & -byte
                found.append(pks[byte_number * 8 + low.bit_length() - 1])
                byte ^= low
        return found

    def sharing(self, pk, params, limit):
        """Up to `limit` other resources sharing the most values of the facets `params` with
        the resource `pk`, as {pk: how many values they share}, most shared first; None when
        `pk` is not in the index (a draft, a private resource).

        Every resource's count is held bit-sliced: `counters[i]` carries bit i of each count, so
        adding one value's resources is a few operations on whole bit sets, however many
        resources there are."""
        bit = self.position.get(pk)
        if bit is None:
            return None
        own = 1 << bit
        others = self.everything & ~own
        counters = []
        for (param, _value), carrying in self.values.items():
            if param not in params or not carrying & own:
                continue
            carry = carrying & others
            for level, counter in enumerate(counters):
                counters[level], carry = counter ^ carry, counter & carry
            if carry:
                counters.append(carry)
        found = {}
        for shared in range(2 ** len(counters) - 1, 0, -1):
            exactly = others
            for level, counter in enumerate(counters):
                exactly &= counter if shared >> level & 1 else ~counter
            for other in self.pks_of(exactly, limit - len(found)):
                found[other] = shared
            if len(found) >= limit:
                break
        return found

    def carrying(self, param, value_pks):
        """The resources carrying any of the values `value_pks` of one facet."""
        bits = 0
        for pk in value_pks:
            bits |= self.values.get((param, pk), 0)
        return bits

    def count(self, bits, param, value_pk):
        return (bits & self.values.get((param, value_pk), 0)).bit_count()


def build(library, generation):
    from .library import FACETS, LibrarySearch, through_model

    single = [facet for facet in FACETS if not facet.many]
    rows = library.resources().order_by().values_list("pk", *(facet.field for facet in single))
    position, members = {}, {}
    for bit, (pk, *values) in enumerate(rows):
        position[pk] = bit
        for facet, value in zip(single, values, strict=True):
            if value is not None:
                members.setdefault((facet.param, value), []).append(bit)
    for facet in FACETS:
        if not facet.many:
            continue
        through, target = through_model(facet)
        for pk, value in through.objects.values_list("resourcepage_id", f"{target}_id"):
            bit = position.get(pk)
            if bit is not None:
                members.setdefault((facet.param, value), []).append(bit)
    size = len(position)
    return FacetIndex(
        generation=generation,
        built_at=time.monotonic(),
        position=position,
        pks=list(position),
        everything=bits_at(range(size), size),
        values={key: bits_at(bits, size) for key, bits in members.items()},
        terms=LibrarySearch._terms(),
    )


def for_library(library, request=None):
    """The current index of `library`, built if need be, or None when it cannot be trusted.
    With the request, the generation the page cache already read for it is reused."""
    generation = page_cache.current_generation(request)
    if generation is None:
        return None
    index = _indexes.get(library.pk)
    if (
        index is None
        or index.generation != generation
        or time.monotonic() - index.built_at > MAX_AGE
    ):
        # The generation was read before building: an edit made meanwhile bumps it again, so
        # the next request rebuilds.
        index = build(library, generation)
        _indexes[library.pk] = index
    return index
