odoo.define('gendan_base.form_edit_lock', function (require) {
"use strict";
/**
 * <form edit_lock="[('state', '=', 'confirmed')]">: no Edit button on a
 * record the domain matches, where nothing may be saved (the model refuses
 * it; the header buttons still run). Odoo 11 only knows edit="false", for
 * every record of the view.
 */
var Domain = require('web.Domain');
var FormController = require('web.FormController');
var FormView = require('web.FormView');

FormView.include({
    init: function (viewInfo) {
        this._super.apply(this, arguments);
        this.controllerParams.editLock = viewInfo.arch.attrs.edit_lock;
    },
});

FormController.include({
    init: function (parent, model, renderer, params) {
        this._super.apply(this, arguments);
        this.editLock = params.editLock;
    },
    _updateButtons: function () {
        this._super.apply(this, arguments);
        if (this.$buttons && this.editLock) {
            var record = this.model.get(this.handle, {raw: true});
            var locked = Boolean(record && record.res_id) && new Domain(
                this.editLock, record.evalContext).compute(record.evalContext);
            this.$buttons.find('.o_form_button_edit').toggleClass('o_hidden', locked);
        }
    },
});
});
