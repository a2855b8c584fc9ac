"""Conveniences over optional library modules, tested when the build has them."""

import pytest

import limber
from limber import lowlevel


@pytest.mark.skipif(not hasattr(limber.Plan, "render"), reason="no limber/render.h in this build")
def test_render(rules, flex):
    plan = rules.plan(flex, start="2026-11-24")
    pdf = plan.render("pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    html = plan.render("html", paper="letter")
    assert isinstance(html, str) and "<html" in html.lower()
    assert plan.render("text") == plan.to_text()
    with pytest.raises(ValueError):
        plan.render("docx")
    assert "limber_plan_render" in limber.Plan.render.__doc__


@pytest.mark.skipif(not hasattr(limber.Ruleset, "lint"), reason="no limber/lint.h in this build")
def test_lint(rules):
    findings = rules.lint()
    assert isinstance(findings, list)
    for f in findings:
        assert f.code and f.severity in ("info", "warning", "error") and f.message


def test_every_optional_function_is_still_in_lowlevel():
    for name in ("limber_plan_render", "limber_lint", "limber_simulate", "limber_testcase_run"):
        if hasattr(lowlevel.lib, name):
            assert getattr(lowlevel, name).__doc__
