"""11.0.1.1.3: a draft invoice without a number is named by what it is for
and its customer ("Draft Invoice SO012 · Harbor Trading"), no longer
"Invoice". The open to-dos on such drafts (deposit invoices, the sibling
shops' settlements) take the new name in their user's language; at the end
of the update, when every module's part of the name is loaded."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    todos = env["mail.activity"].search([("res_model", "=", "account.invoice")])
    for todo in todos:
        invoice = env["account.invoice"].browse(todo.res_id).exists()
        if invoice.state == "draft" and not invoice.number:
            cr.execute("UPDATE mail_activity SET res_name = %s WHERE id = %s", (
                invoice.with_context(lang=todo.user_id.lang or "en_US").display_name,
                todo.id))
