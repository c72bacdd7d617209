"""The Python 3.11 compatibility layer (compat/gendan_compat.py) keeps Odoo 11
working without widening its sandbox."""
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import const_eval, safe_eval
from odoo.tools.safe_eval import test_python_expr as check_python_expr

from odoo.addons.gendan_base.tests.common import render_pdf


class TestSafeEvalStrict(TransactionCase):
    """safe_eval refuses what Odoo 11 refused."""

    def test_import_refused(self):
        """__import__ and the import statement stay refused."""
        for expr in ["__import__('os').system('true')", "import os"]:
            with self.assertRaises((ValueError, NameError)):
                safe_eval(expr, mode="exec" if expr.startswith("import") else "eval")

    def test_dunder_refused(self):
        """Dunder attribute access stays refused."""
        for expr in ["().__class__", "(1).__class__.__bases__",
                     "[].__class__.__mro__[1].__subclasses__()"]:
            with self.assertRaises((ValueError, NameError)):
                safe_eval(expr)

    def test_open_refused(self):
        """open is not a builtin of the sandbox."""
        with self.assertRaises(ValueError):
            safe_eval("open('/etc/passwd').read()")

    def test_frames_refused(self):
        """Generator frames (a classic sandbox escape) stay refused."""
        with self.assertRaises((ValueError, NameError)):
            safe_eval("(x for x in [1]).gi_frame")

    def test_const_eval_still_constant(self):
        """const_eval accepts literals only."""
        self.assertEqual(const_eval("[1, (2, 3), {'a': None}]"),
                         [1, (2, 3), {"a": None}])
        with self.assertRaises(ValueError):
            const_eval("1 + x")

    def test_python_311_expressions(self):
        """What Odoo 11 allowed, compiled by 3.11, still evaluates."""
        env = {"a": 2, "b": "x", "items": [1, 2, 3]}
        self.assertEqual(safe_eval("'%s-%s' % (a, b)", env), "2-x")
        self.assertEqual(safe_eval("[i * a for i in items if i is not None]", env),
                         [2, 4, 6])
        self.assertEqual(safe_eval("a in items and b not in items", env), True)
        self.assertEqual(safe_eval("max(items, key=lambda i: -i)", env), 1)
        code = "result = 0\nfor i in items:\n    result += i\ntry:\n    1/0\n" \
               "except Exception:\n    result += 10\n"
        scope = dict(env)
        safe_eval(code, scope, mode="exec", nocopy=True)
        self.assertEqual(scope["result"], 16)
        self.assertFalse(check_python_expr("record.write({'x': a})",
                                           mode="exec"))


class TestQwebAndReports(TransactionCase):
    """QWeb compiles its hand-built AST; reports render to PDF."""

    def test_qweb_template_renders(self):
        """t-foreach, t-if, t-esc, t-att and t-call render."""
        view = self.env["ir.ui.view"].create({
            "name": "gendan_platform_test", "type": "qweb",
            "arch": """<t t-name="gendan_platform_test"><ul>
                <li t-foreach="items" t-as="item"
                    t-att-class="'odd' if item_odd else None">
                    <t t-if="item > 1"><t t-esc="item"/></t><t t-else="">none</t>
                </li></ul></t>"""})
        html = self.env["ir.qweb"].render(view.id, {"items": [1, 2, 3]}).decode()
        self.assertIn("none", html)
        self.assertIn(">2<", html.replace(" ", "").replace("\n", ""))
        self.assertIn('class="odd"', html)

    def test_core_report_renders_pdf(self):
        """A core QWeb report (the module reference) renders to a PDF."""
        module = self.env.ref("base.module_base")
        report = self.env.ref("base.ir_module_reference_print")
        html = report.render_qweb_html(module.ids)[0].decode()
        self.assertIn(module.shortdesc, html)
        self.assertTrue(render_pdf(report, module.ids).startswith(b"%PDF"))
