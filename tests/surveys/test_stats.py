"""The figures and the small-group protection, computed by hand."""

from decimal import Decimal

from jalon.surveys.stats import breakdown, figures, hidden_groups

SCALE = ["1", "2", "3", "4", "5"]


def test_satisfaction_figures_count_4_and_5_as_satisfied():
    # 2, 3, 4, 4, 5, 5, 5: mean 28/7 = 4.00; satisfied 5 of 7 = 71.4 %
    result = figures("satisfaction", SCALE, ["2", "3", "4", "4", "5", "5", "5"])
    assert result.n == 7
    assert result.distribution == (("1", 0), ("2", 1), ("3", 1), ("4", 2), ("5", 3))
    assert result.mean == Decimal("4.00")
    assert result.satisfaction_rate == Decimal("71.4")


def test_multiple_choice_counts_each_choice_once_per_respondent():
    result = figures("multiple", ["1", "2", "3"], [["1", "2"], ["2"], ["2", "3"]])
    assert result.n == 3
    assert result.distribution == (("1", 1), ("2", 3), ("3", 1))


def test_number_figures_give_the_mean():
    result = figures("number", [], [Decimal(3), Decimal(4), Decimal(8)])
    assert result.mean == Decimal("5.00")


def test_a_small_group_hides_with_the_next_smallest_so_it_cannot_be_recomputed():
    # Capitale-Nationale has 1 answer: alone hidden, it would be the total minus the others.
    hidden = hidden_groups({"Capitale-Nationale": 1, "Mauricie": 6, "Estrie": 9}, 5)
    assert hidden == {"Capitale-Nationale", "Mauricie"}


def test_two_tiny_groups_hide_with_a_third_until_they_hold_k_answers():
    # 1 + 2 = 3 < 5: two agreeing people would still give their answers away.
    hidden = hidden_groups({"A": 1, "B": 2, "C": 7, "D": 8}, 5)
    assert hidden == {"A", "B", "C"}


def test_groups_all_at_least_k_are_all_shown():
    assert hidden_groups({"A": 5, "B": 6}, 5) == frozenset()


def test_a_hidden_groups_answer_cannot_be_recomputed_from_the_total_and_the_shown_groups():
    by_group = {
        "A": ["1"],  # the one person whose answer we try to recover
        "B": ["5", "4", "5", "4", "5", "5"],
        "C": ["4", "4", "4", "5", "5", "3", "2"],
    }
    hidden = hidden_groups({g: len(v) for g, v in by_group.items()}, 5)
    cells = breakdown("satisfaction", SCALE, by_group, hidden)
    shown = [c for c in cells if not c.hidden]
    everyone = figures("satisfaction", SCALE, [a for v in by_group.values() for a in v])
    # What an attacker computes: total minus the groups shown = the hidden groups together.
    left_n = everyone.n - sum(c.figures.n for c in shown)
    assert left_n >= 5  # several people, never one
    assert {c.group for c in cells if c.hidden} == {"A", "B"}
