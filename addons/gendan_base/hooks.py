"""Uninstall hook shared by the gendan modules.

Uninstalling a module deletes the records of its data files. Sales, purchase,
production, stock, invoice and repair documents are the factory's records,
not the module's: ``forget_documents`` drops the module's external ids of
such documents before the uninstall, so they stay as plain core documents
(Odoo refuses to delete most of them anyway, and a document that kept the
module's external id would be rewritten, not created, when the module's demo
data is installed again).

The records of the module's own models go with their tables. Their
external ids are dropped too, so that the uninstall does not delete them
one by one through ``unlink()``: an engine's ``unlink()`` may change core
documents (a shipment charge removes its line from the carrier's vendor
bill, and the bill when it is left empty), and a vendor bill is finance's
document, not the module's.
"""

DOCUMENT_MODELS = (
    "sale.order", "sale.order.line", "purchase.order", "purchase.order.line",
    "mrp.production", "mrp.repair", "mrp.repair.line", "mrp.repair.fee",
    "stock.picking", "stock.move", "stock.move.line",
    "account.invoice", "account.invoice.line", "account.payment")


def forget_documents(cr, module):
    """Delete ``module``'s external ids of core documents; return how many."""
    cr.execute("DELETE FROM ir_model_data WHERE module = %s AND model IN %s",
               (module, DOCUMENT_MODELS))
    return cr.rowcount


def forget_own_records(cr, module):
    """Delete ``module``'s external ids of the records of the models it
    defines (their tables are dropped by the uninstall); return how many."""
    cr.execute("""
        DELETE FROM ir_model_data d
         USING ir_model_data x, ir_model m
         WHERE d.module = %s AND x.module = %s AND x.model = 'ir.model'
           AND m.id = x.res_id AND d.model = m.model
    """, (module, module))
    return cr.rowcount


def keep_documents_hook(module):
    """An ``uninstall_hook`` for ``module`` that keeps its documents."""
    def uninstall_hook(cr, registry):
        forget_documents(cr, module)
        forget_own_records(cr, module)
    return uninstall_hook
