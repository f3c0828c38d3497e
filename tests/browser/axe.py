"""axe-core, pinned in package.json and installed by `npm ci`, run inside the page."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = {"serious", "critical"}
RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def serious_violations(page, axe_source):
    """The serious and critical violations on the page as it is now, one line each."""
    return every_violation(page, axe_source, impacts=FAILING_IMPACTS)


def every_violation(page, axe_source, impacts=None, within=None):
    """Every violation on the page as it is now (or those of `impacts`), one line each: the
    public pages have none, of any impact (tests/browser/test_accessibility.py). With `within`
    (CSS selectors), only in the elements they match: the rules about the page as a whole
    (a title, one main landmark, a way to skip to it) are then left out."""
    # Evaluated rather than added as a <script>: the site's CSP rightly refuses inline scripts.
    # A page given it with every document (`add_init_script`) has it already.
    if not page.evaluate("'axe' in window"):
        page.evaluate(axe_source)
    results = page.evaluate(
        """([tags, within]) => axe.run(within ? {include: within} : document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        [RULE_TAGS, within],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results["violations"]
        if impacts is None or v["impact"] in impacts
    ]
