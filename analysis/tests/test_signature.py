"""The [signature] table of a failure-mode scenario: parser, signature.csv, atlas."""
import shutil
from pathlib import Path

import h5py
import pandas as pd
import pytest

from commsim_analysis import SignatureError, load_results, parse_signature
from commsim_analysis.atlas import atlas_order, plot_failure_mode, signature_metrics
from commsim_analysis.signature import check_lines, read_checks

LEADERLESS_SIGNATURE = """
[signature]
mode = "leaderless drift"
claim = "C11, C15"
summary = "ads spread, each message is worth less, members mute"
control = "control"
failure = "failure"
plot = ["ad_share", "value_per_message", "muted_share"]

[[signature.check]]
measure = "late(ad_share)"
expect = "failure > control + 0.2"
replicates = 0.8

[[signature.check]]
measure = "late(muted_share)"
expect = "failure > control"

[signature.diagnosis]
when = ["last_days(ad_share, 30) >= 0.2"]
evidence = ["ads are {last_days(ad_share, 30):%} of messages"]
"""


def test_parse_a_full_signature():
    sig = parse_signature("[run]\ndays = 3\n" + LEADERLESS_SIGNATURE)
    assert sig.mode == "leaderless drift" and sig.claim == "C11, C15"
    assert sig.title == "C11, C15 leaderless drift" and sig.claim_number == 11
    assert sig.plot == ("ad_share", "value_per_message", "muted_share")
    assert [(c.measure, c.replicates) for c in sig.checks] == [("late(ad_share)", 0.8),
                                                              ("late(muted_share)", None)]


@pytest.mark.parametrize("scenario", sorted(
    (Path(__file__).resolve().parents[2] / "scenarios" / "failure").glob("*.toml")),
    ids=lambda p: p.stem)
def test_every_failure_scenario_parses(scenario):
    """The files the atlas reads: the Python side keeps up with the format the engine reads."""
    sig = parse_signature(scenario.read_text(), str(scenario))
    assert sig is not None and sig.mode and sig.checks
    assert all(c.replicates is None or 0 < c.replicates <= 1 for c in sig.checks)


def test_keys_this_package_does_not_use_are_left_alone():
    sig = parse_signature('[signature]\nmode = "x"\nplott = ["a"]\n[signature.diagnosis]\n'
                          'when = ["first_days(size, 3) > 0"]\n')
    assert sig.mode == "x" and sig.plot == ()


def test_no_signature_is_none():
    assert parse_signature("[run]\ndays = 3\n") is None
    assert parse_signature("") is None


@pytest.mark.parametrize("text, message", [
    ('[signature]\nclaim = "C1"\n', "needs 'mode'"),
    ('[signature]\nmode = "x"\nplot = "ad_share"\n', "signature.plot must be a list"),
    ('[signature]\nmode = 3\n', "signature.mode must be a string"),
    ('[signature]\nmode = "x"\n[[signature.check]]\nmeasure = "m"\n',
     r"signature.check\[0\]: 'expect' must be a non-empty string"),
    ('[signature]\nmode = "x"\n[[signature.check]]\nmeasure = "m"\nexpect = "e"\n'
     'replicates = 0\n', r"'replicates' must be the share of single replicates, in \(0, 1\]"),
    ('[signature]\nmode = "x"\n[[signature.check]]\nmeasure = "m"\nexpect = "e"\n'
     'replicates = 4\n', r"'replicates' must be the share .*not 4"),
    ("signature = 3\n", "'signature' must be a table"),
    ("[signature\n", "not valid TOML"),
])
def test_malformed_signatures_name_source_and_key(text, message):
    with pytest.raises(SignatureError, match=message) as info:
        parse_signature(text, "scenarios/failure/x.toml")
    assert str(info.value).startswith("scenarios/failure/x.toml: ")


def _with_signature(arms_dir, tmp_path, checks: pd.DataFrame | None = None):
    """The leaderless comparison with [signature] added to every file's scenario
    text (as the coming binary writes it), and optionally signature.csv."""
    out = tmp_path / "signed"
    shutil.copytree(arms_dir, out)
    for path in out.glob("leaderless.*.h5"):
        with h5py.File(path, "r+") as f:
            text = f.attrs["scenario"]
            text = text.decode() if isinstance(text, bytes) else text
            f.attrs["scenario"] = text + LEADERLESS_SIGNATURE
    if checks is not None:
        checks.to_csv(out / "signature.csv", index=False)
    return out


def test_atlas_reads_the_signature_from_the_run_files(arms_dir, tmp_path):
    res = load_results(_with_signature(arms_dir, tmp_path))
    assert res.signature.title == "C11, C15 leaderless drift"
    assert signature_metrics(res) == ["ad_share", "value_per_message", "muted_share"]
    fig = plot_failure_mode(res)
    title = " ".join(fig._suptitle.get_text().split())  # as wrapped to the figure
    assert "C11, C15 leaderless drift" in title and "ads spread" in title
    assert "expected: late(ad_share): failure > control + 0.2" in title  # no signature.csv
    panels = [ax.get_title().split(" ")[0] for ax in fig.axes if ax.get_visible()]
    assert panels == ["ad_share", "value_per_message", "muted_share"]


def test_signature_csv_annotates_the_figure(arms_dir, tmp_path):
    # the columns commsim compare writes (sim/compare/signature.cpp)
    checks = pd.DataFrame({"measure": ["late(ad_share)", "late(muted_share)"],
                           "expect": ["failure > control + 0.2", "failure > control"],
                           "control": [0.0012, 0.05], "failure": [0.6213, 0.04],
                           "replicates_beyond": [3, 0], "replicates_needed": [4, 0],
                           "holds": ["false", "false"]})
    checks.loc[1, "holds"] = "false"
    checks.loc[0, "holds"] = "true"
    res = load_results(_with_signature(arms_dir, tmp_path, checks))
    assert read_checks(res.path) is not None
    lines = check_lines(res.checks, res.signature)
    assert lines == ["✓ late(ad_share): failure > control + 0.2 (control 0.0012; failure "
                     "0.621; 3 replicates beyond, need 4)",
                     "✗ late(muted_share): failure > control (control 0.05; failure 0.04)"]
    assert lines[0] in " ".join(plot_failure_mode(res)._suptitle.get_text().split())


def test_signature_csv_without_its_columns_is_an_error(arms_dir, tmp_path):
    out = _with_signature(arms_dir, tmp_path, pd.DataFrame({"measure": ["m"]}))
    with pytest.raises(SignatureError, match=r"signature.csv: missing column\(s\) "
                                             r"\['expect', 'holds'\]"):
        load_results(out)


def test_atlas_order_is_claim_order_then_names(arms_dir, batch_dir, tmp_path):
    from commsim_analysis import split_by_scenario
    signed = load_results(_with_signature(arms_dir, tmp_path))
    others = split_by_scenario([batch_dir])
    order = [r.scenario_name for r in atlas_order(others + [signed])]
    assert order == ["leaderless", "other", "tiny"]
