"""Uninstall hook shared by the gendan modules.

Uninstalling a module deletes the records of its data files. Sales, purchase,
production, stock, invoice and repair documents are the factory's records,
not the module's: ``forget_documents`` drops the module's external ids of
such documents before the uninstall, so they stay as plain core documents
(Odoo refuses to delete most of them anyway, and a document that kept the
module's external id would be rewritten, not created, when the module's demo
data is installed again).
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


def keep_documents_hook(module):
    """An ``uninstall_hook`` for ``module`` that keeps its documents."""
    def uninstall_hook(cr, registry):
        forget_documents(cr, module)
    return uninstall_hook
