"""Grouping by company looks clusters up by the first letters of their names and domains;
it must decide exactly as comparing every conversation with every cluster did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from followup.track.grouping import Conversation, _Cluster, _cluster_by_company, _compatible

NAMES = ["northwind", "northwind labs", "north wind", "acme", "acme corporation", "contoso",
         "kestrel", "kestrel security", "k", "fabrikam", "fabrikam health", "nw"]
DOMAINS = ["northwindlabs.com", "northwind.io", "acme.com", "contoso.com", "kestrel.io",
           "fabrikam.de", "nw.io", "acmecorp.com", "k.io"]


def every_cluster_compared(conversations: list[Conversation]) -> list[list[int]]:
    """The algorithm before the index: each conversation against every cluster, in order."""
    clusters: list[_Cluster] = []
    for conversation in conversations:
        matching = [c for c in clusters
                    if _compatible(conversation.names, conversation.domains, c)]
        if not matching:
            clusters.append(_Cluster([conversation], set(conversation.names),
                                     set(conversation.domains)))
            continue
        target, *others = matching
        for other in others:
            target.conversations += other.conversations
            target.names |= other.names
            target.domains |= other.domains
            clusters.remove(other)
        target.conversations.append(conversation)
        target.names |= conversation.names
        target.domains |= conversation.domains
    return [[id(c) for c in cluster.conversations] for cluster in clusters]


conversation_shapes = st.lists(
    st.tuples(st.sets(st.sampled_from(NAMES), max_size=2),
              st.sets(st.sampled_from(DOMAINS), max_size=2)),
    min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(conversation_shapes)
def test_the_index_groups_exactly_as_comparing_every_cluster(shapes: list) -> None:
    conversations = [Conversation([], names=set(names), domains=set(domains))
                     for names, domains in shapes]
    indexed = _cluster_by_company(conversations).alive()
    assert [[id(c) for c in cluster.conversations] for cluster in indexed] == \
        every_cluster_compared(conversations)


def test_a_conversation_that_bridges_two_companies_merges_them_in_founding_order() -> None:
    first = Conversation([], names={"northwind"})
    second = Conversation([], domains={"acme.com"})
    bridge = Conversation([], names=set(), domains={"northwindlabs.com", "acme.com"})
    clusters = _cluster_by_company([first, second, bridge]).alive()
    assert [cluster.conversations for cluster in clusters] == [[first, second, bridge]]
