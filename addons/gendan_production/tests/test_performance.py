from odoo.addons.gendan_base.tests.common import QueryCounter, shift_date

from .common import TASK_SIGNERS, ProductionCase

# second and third signatures of the optional departments (the required ones
# have signed by then): the same people have a to-do, so only the number of
# signatures changes
GROUPS = ["group_purchasing", "group_production", "group_qa"] * 2
# queries per first article: created, checked, requested, signed twice
PER_ARTICLE_LIMIT = 66
# queries paid once per task order (a single article costs both)
FIXED_LIMIT = 45


class TestPerformance(ProductionCase):

    @classmethod
    def setUpClass(cls):
        super(TestPerformance, cls).setUpClass()
        # as the web client calls: in the users' language (en_US); a to-do
        # for a user of another language costs its texts read in that one
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        # 6 more optional signers on some task orders: 15 signatures in all
        model = cls.env["ir.model"]._get("gendan.task.order")
        Rule = cls.env["gendan.signoff.rule"]
        for index, group in enumerate(GROUPS):
            Rule.create({"name": "Extra %d" % index, "model_id": model.id,
                         "sequence": 40, "signer_type": "group",
                         "group_id": cls.env.ref("gendan_base." + group).id,
                         "is_required": False,
                         "domain": "[('note', '=', 'many signers')]"})

    def _approval_queries(self, lines, many_signers):
        order = self._create_confirmed_order()
        task = self._create_task_order(order=order, lines=lines)
        task.sudo(self.user_merchandiser).write(
            {"note": "many signers" if many_signers else "few signers"})
        task.sudo(self.user_merchandiser).action_signoff_request()
        for login in TASK_SIGNERS[:-1]:
            task.sudo(self.users[login]).action_signoff_sign()
        expected = 15 if many_signers else 9
        self.assertEqual(len(task.signature_ids), expected)
        task.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            task.sudo(self.user_general_manager).action_signoff_sign()
        self.assertEqual(task.state, "approved")
        return counter.count

    def test_approval_query_count(self):
        """Approving 50 lines / 15 signers costs the queries of 2 lines / 9."""
        self._approval_queries(2, False)  # warm the caches
        small = self._approval_queries(2, False)
        large = self._approval_queries(50, True)
        # 48 more lines and 6 more signers add no query per line or signer;
        # inside the full suite (never alone, on a fresh database) one cache
        # refill lands in either run, so the two may differ by one query
        self.assertLessEqual(abs(large - small), 1, (small, large))

    def _eta_queries(self, components):
        products = self._create_components(components, prefix="P%d" % components)
        bom = self._create_bom(self.product, products)
        bom.sudo(self.user_engineer).action_control()
        order = self._create_confirmed_order()
        task = self._approve(self._create_task_order(order=order, bom=bom))
        check_model = self.env["gendan.material.check"].sudo(self.user_merchandiser)
        task.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            vals = check_model._prepare_line_vals(task, shift_date(years=3))
        self.assertEqual(len(vals), components)
        return counter.count

    def test_material_eta_query_count(self):
        """Computing the ETAs of 200 components costs the queries of 20."""
        self._eta_queries(20)
        small = self._eta_queries(20)
        large = self._eta_queries(200)
        self.assertEqual(small, large)

    # -- first-article sign-off (issue 21): queries per article ---------------

    def _first_article_queries(self, articles):
        """Queries of the whole first-article sign-off of a task order of
        ``articles`` products: the articles created, checked, requested and
        signed by the merchandiser and QA (as bench/scaling.py measures)."""
        products = self._create_components(articles, prefix="FA%d" % articles)
        for product in products:
            self._create_bom(product, self.components).sudo(
                self.user_engineer).action_control()
        order = self._create_confirmed_order(order_line=[
            (0, 0, {"product_id": product.id, "product_uom_qty": 10.0,
                    "price_unit": 5.0}) for product in products])
        Task = self.env["gendan.task.order"].sudo(self.user_merchandiser)
        task = self._approve(Task.create({
            "sale_order_id": order.id, "date_deadline": shift_date(years=4),
            "line_ids": [(0, 0, vals) for vals in Task._prepare_line_vals(order)]}))
        task.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            task.sudo(self.user_merchandiser).action_create_first_article()
            for article in task.first_article_ids:
                article.item_ids.sudo(self.user_qa).write({"is_checked": True})
                article.sudo(self.user_merchandiser).action_signoff_request()
                article.sudo(self.user_merchandiser).action_signoff_sign()
                article.sudo(self.user_qa).action_signoff_sign()
        self.assertEqual(set(task.first_article_ids.mapped("state")), {"passed"})
        self.assertEqual(order.milestone_first_article_state, "done")
        return counter.count

    def test_first_article_queries_per_article(self):
        """Each more article costs a bounded number of queries, the same
        for the 3rd as for the 6th (no query grows with the articles), and
        what a task order pays once (the batch, the order's recompute when
        the last article passes, the note, the action) is bounded too."""
        self._first_article_queries(2)  # warm the caches
        one = self._first_article_queries(1)
        two = self._first_article_queries(2)
        six = self._first_article_queries(6)
        ten = self._first_article_queries(10)
        per_article = (six - two) / 4.0
        # 606 queries per article before issue 21, ~180 before the perf pass,
        # 97 after (cache not cleared by the to-do helper, flat chatter,
        # batched checklist, one order search path), 87 since (orders left
        # alone by new drafts, no re-read checklist at approval, to-dos read
        # in one cache), 78 since (a note keeps the document's columns in
        # cache, status and state in one write, the new slots kept in
        # cache), 61 since (the orders taken from the articles' stored order,
        # not searched twice per write; stored values cached across
        # contexts; the locked row's status kept; the posted message's
        # document not read back; the signers read once); the target is 100
        # including the fixed part
        self.assertLessEqual(per_article, PER_ARTICLE_LIMIT, (one, two, six, ten))
        # paid once per task order: ~130 before, 88, then 52 (the task order's
        # values in one compute, the first-article milestone computed apart,
        # the risk left alone when no first-article risk is there to lift),
        # 40 (the buttons' window actions cached)
        self.assertLessEqual(one - per_article, FIXED_LIMIT, (one, two, six, ten))
        # constant: articles 7 to 10 cost what articles 3 to 6 cost
        self.assertLessEqual(abs((ten - six) - (six - two)), 8, (two, six, ten))

    # -- T&A form (issue 15): the same reads for 1 or 8 products ---------------

    def _tna_form_queries(self, count):
        """Queries of what the web client reads opening the follow-up form
        of an order of ``count`` products, each with its task order line,
        MO and BOM (as bench/scaling.py's ``tna_form_queries``)."""
        products = self._create_components(count, prefix="TNA%d" % count)
        for product in products:
            self._create_bom(product, self.components).sudo(
                self.user_engineer).action_control()
        order = self._create_confirmed_order(order_line=[
            (0, 0, {"product_id": product.id, "product_uom_qty": 10.0,
                    "price_unit": 5.0}) for product in products])
        Task = self.env["gendan.task.order"].sudo(self.user_merchandiser)
        task = self._approve(Task.create({
            "sale_order_id": order.id, "date_deadline": shift_date(years=4),
            "line_ids": [(0, 0, vals) for vals in Task._prepare_line_vals(order)]}))
        task.sudo(self.user_merchandiser).action_create_productions()
        self.assertEqual(len(order.production_ids), count)
        # every MO behind its planned dates: the risk's reasons name each one
        past = shift_date(days=-10) + " 08:00:00"
        order.production_ids.write(
            {"date_planned_start": past, "date_planned_finished": past})
        self.assertIn("production", order.risk_codes)
        view = self.env.ref("gendan_order.sale_order_view_form_cockpit")
        fields_info = self.env["sale.order"].fields_view_get(view.id, "form")["fields"]
        columns = list(fields_info["tna_line_ids"]["views"]["tree"]["fields"])

        def read():
            row = order.sudo(self.user_merchandiser).read(list(fields_info))[0]
            self.env["gendan.tna.line"].sudo(self.user_merchandiser).browse(
                row["tna_line_ids"]).read(columns)
            return row
        read()  # warm the caches
        order.invalidate_cache()
        with QueryCounter(self.env.cr) as counter:
            row = read()
        self.assertIn("produced", self.env["gendan.tna.line"].browse(
            row["tna_line_ids"]).mapped("milestone"))
        for production in order.production_ids:
            self.assertIn(production.name, row["risk_reasons"])
        return counter.count

    def test_tna_form_query_count(self):
        """Opening the follow-up form of an order of 8 products, 8 MOs costs
        the queries of an order of one."""
        self._tna_form_queries(1)  # warm the caches
        small = self._tna_form_queries(1)
        large = self._tna_form_queries(8)
        self.assertEqual(small, large)
