"""The core order-to-invoice flow, with and without gendan.

SO with LINES lines -> confirm (one MO per line, make-to-order) -> produce ->
deliver -> invoice, run as the administrator on both databases; on the gendan
database the gates are passed by the demo users between the core steps
(order review, task order, deposit, first articles, QA, pick-up slip), timed
apart.
"""
import base64

from dateutil.relativedelta import relativedelta

from odoo import fields, tools


LINES = 20
CORE_STEPS = ["create order", "confirm (MOs)", "produce", "deliver", "invoice"]
GENDAN_STEPS = ["order review", "task order approval", "deposit by finance",
                "first articles", "QA of the finished goods", "pick-up slip"]
QA_STEP = "QA of the finished goods"


def _pay_deposit(env, world, order):
    """The deposit's down-payment invoice, posted and paid by finance."""
    order.action_create_deposit_invoice()
    invoice = order.order_line.filtered("is_downpayment").mapped(
        "invoice_lines.invoice_id").sudo(world["users"]["finance"])
    invoice.action_invoice_open()
    journal = env["account.journal"].search([("type", "=", "bank")], limit=1)
    invoice.pay_and_reconcile(journal, invoice.amount_total)


def _pass_qa(world, production):
    """Production asks QA to check the finished goods; QA passes them."""
    check = production.env["gendan.qa.check"].sudo(
        world["users"]["production"]).create(
            {"production_id": production.id, "quantity": production.product_qty})
    check.sudo(world["users"]["qa"]).action_pass()


def _pickup_slip(env, world, order, picking):
    """The goods leave on an issued pick-up slip (gendan_dispatch): production
    asks the photos of the goods, the salesperson mails them and records the
    customer's confirmation, the merchandiser ticks the conformity check and
    issues the slip."""
    users = world["users"]
    photo = env["gendan.goods.photo"].sudo(users["production"]).create(
        {"sale_order_id": order.id, "picking_id": picking.id})
    seller = photo.sudo(users["salesperson"])
    attachment = env["ir.attachment"].sudo(users["salesperson"]).create({
        "name": "goods.png", "datas_fname": "goods.png", "datas": world["photo"],
        "res_model": photo._name, "res_id": photo.id, "mimetype": "image/png"})
    seller.write({"attachment_ids": [(6, 0, attachment.ids)]})
    seller.action_photos_ready()
    seller.message_post(body="Photos of your goods.", partner_ids=order.partner_id.ids,
                        attachment_ids=attachment.ids, message_type="comment",
                        subtype="mail.mt_note")
    seller.write({"customer_reply": "OK to ship"})
    seller.action_customer_confirm()
    slip = env["gendan.pickup.slip"].sudo(users["merchandiser"]).create(
        {"picking_id": picking.id})
    slip.check_ids.write({"is_ok": True})
    slip.action_issue()
    assert slip.state == "issued", slip.state


def build_world(env, gendan):
    """Customer, LINES manufactured products (MTO + manufacture, BOM of two
    consumable components) and a payment term; controlled BOMs on gendan."""
    mto = env.ref("stock.route_warehouse0_mto")
    manufacture = env.ref("mrp.route_warehouse0_manufacture")
    Product = env["product.product"]
    components = Product.browse([Product.create({
        "name": "Bench component %s" % code, "type": "consu",
        "default_code": "BC-%s" % code}).id for code in "AB"])
    products = Product.browse([Product.create({
        "name": "Bench lamp %02d" % index, "default_code": "BL-%02d" % index,
        "type": "product", "invoice_policy": "delivery", "list_price": 10.0 + index,
        "route_ids": [(6, 0, [mto.id, manufacture.id])]}).id
        for index in range(LINES)])
    Bom = env["mrp.bom"]
    boms = Bom
    for product in products:
        boms |= Bom.create({
            "product_tmpl_id": product.product_tmpl_id.id, "product_qty": 1.0,
            "code": product.default_code,
            "bom_line_ids": [
                (0, 0, {"product_id": components[0].id, "product_qty": 2.0}),
                (0, 0, {"product_id": components[1].id, "product_qty": 1.0})]})
    term_vals = {"name": "Bench: 30% deposit, balance 30 days after shipment"}
    if gendan:
        # the deposit is confirmed by finance before production; nothing
        # more is due before the goods leave (open account for the balance)
        term_vals.update(deposit_percent=30.0, gendan_prepaid_percent=0.0)
    world = {
        "partner": env["res.partner"].create({
            "name": "Bench Export Customer", "is_company": True, "customer": True}),
        "products": products,
        "term": env["account.payment.term"].create(term_vals),
    }
    if gendan:
        engineer = env.ref("gendan_base.user_engineer_demo")
        boms.sudo(engineer).action_control()
        world["users"] = {login: env.ref("gendan_base.user_%s_demo" % login)
                          for login in ("merchandiser", "salesperson", "finance", "qa",
                                        "production")}
        world["photo"] = base64.b64encode(tools.file_open(
            "gendan_dispatch/demo/goods_photo.png", "rb").read())
        # the admin's own channel is not controlled in the demo data
        world["team"] = env["crm.team"].create(
            {"name": "Bench export", "gendan_controlled": True})
    fresh(env)
    return world


def fresh(env):
    """What a new request sees: pending recomputations done, empty cache."""
    env["base"].recompute()
    env["base"].invalidate_cache()


def _order_vals(world, gendan, serial, lines):
    vals = {
        "partner_id": world["partner"].id,
        "payment_term_id": world["term"].id,
        "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 10.0,
                               "price_unit": product.list_price})
                       for product in world["products"][:lines]],
    }
    if gendan:
        vals.update(user_id=world["users"]["salesperson"].id,
                    merchandiser_id=world["users"]["merchandiser"].id,
                    team_id=world["team"].id,
                    customer_po="BENCH-%04d" % serial)
    return vals


def _productions(env, order):
    return env["mrp.production"].search(
        [("procurement_group_id", "=", order.procurement_group_id.id)])


def _task_order(env, world, order):
    """The merchandiser's task order for ``order``, signed off (the same steps
    as gendan_production's tests: request, then the required signers)."""
    from odoo.addons.gendan_production.tests.common import TASK_SIGNERS
    merchandiser = world["users"]["merchandiser"]
    Task = env["gendan.task.order"].sudo(merchandiser)
    deadline = fields.Date.to_string(  # far ahead; 29 February safe
        fields.Date.from_string(fields.Date.today()) + relativedelta(years=4))
    task = Task.create({
        "sale_order_id": order.id, "date_deadline": deadline,
        "line_ids": [(0, 0, vals) for vals in Task._prepare_line_vals(order)]})
    task.action_signoff_request()
    for login in TASK_SIGNERS:
        task.sudo(env.ref("gendan_base.user_%s_demo" % login)).action_signoff_sign()
    assert task.state == "approved", task.state
    return task


def _first_articles(env, world, task):
    """One passed first article per product (QA checks, merchandiser and QA sign)."""
    merchandiser, qa = world["users"]["merchandiser"], world["users"]["qa"]
    task.sudo(merchandiser).action_create_first_article()
    for article in task.first_article_ids:
        article.item_ids.sudo(qa).write({"is_checked": True})
        article.sudo(merchandiser).action_signoff_request()
        article.sudo(merchandiser).action_signoff_sign()
        article.sudo(qa).action_signoff_sign()
    assert set(task.first_article_ids.mapped("state")) == {"passed"}


def run_order(env, world, gendan, meter, serial, lines=None):
    """One order of ``lines`` lines (default LINES) through the flow; core
    steps and gendan steps in ``meter``."""
    lines = lines or LINES
    if gendan:
        from odoo.addons.gendan_order.tests.common import approve_order_review
    with meter.step("create order"):
        order = env["sale.order"].create(_order_vals(world, gendan, serial, lines))
    fresh(env)
    if gendan:
        with meter.step("order review"):
            approve_order_review(order)
        fresh(env)
    with meter.step("confirm (MOs)"):
        order.action_confirm()
    fresh(env)
    productions = _productions(env, order)
    assert len(productions) == lines, len(productions)
    if gendan:
        with meter.step("task order approval"):
            task = _task_order(env, world, order)
        fresh(env)
        with meter.step("deposit by finance"):
            _pay_deposit(env, world, order)
        fresh(env)
        with meter.step("first articles"):
            _first_articles(env, world, task)
        fresh(env)
    qa_before = (meter.seconds.get(QA_STEP, 0), meter.queries.get(QA_STEP, 0))
    with meter.step("produce"):
        productions.action_assign()
        for production in productions:
            env["mrp.product.produce"].with_context(
                active_id=production.id, active_ids=production.ids).create(
                    {"product_qty": production.product_qty}).do_produce()
            if gendan and production._gendan_qa_status() not in ("na", "passed"):
                # the finished goods enter stock after QA passed them
                # (gendan_dispatch): timed apart, as the other gates
                with meter.step(QA_STEP):
                    _pass_qa(world, production)
            production.button_mark_done()
    # the QA step ran inside "produce": counted once, apart
    for store in (meter.seconds, meter.queries):
        store["produce"] -= store.get(QA_STEP, 0) - qa_before[store is meter.queries]
    fresh(env)
    assert set(productions.mapped("state")) == {"done"}
    picking = order.picking_ids.filtered(
        lambda p: p.picking_type_code == "outgoing"
        and p.state not in ("done", "cancel"))
    if gendan:
        with meter.step("pick-up slip"):
            _pickup_slip(env, world, order, picking)
        fresh(env)
    with meter.step("deliver"):
        picking.action_assign()
        for line in picking.move_line_ids:
            line.qty_done = line.product_uom_qty
        picking.button_validate()
    fresh(env)
    assert picking.state == "done", picking.state
    with meter.step("invoice"):
        invoice = env["account.invoice"].browse(order.action_invoice_create())
        invoice.action_invoice_open()
    fresh(env)
    assert invoice.state == "open" and len(invoice.invoice_line_ids) == lines
