from odoo import api, models, tools
from odoo.exceptions import UserError


class AftersalesGateMixin(models.AbstractModel):
    """A gate lives in the model, not in the button (DESIGN.md, Security).

    A model lists in ``_aftersales_gated_fields`` its state, approval, acknowledgement,
    review, signature and rating fields. Only its action methods set them: they check their
    rule, then write through ``sudo()`` (the uid stays the user's, so tracking and
    ``write_uid`` stay right). Any other ``create``, ``write`` or ``copy`` that sets one of
    them (form, import, JSON-RPC, whatever the group or the context) raises a ``UserError``
    and writes nothing. Only the superuser environment is exempt; no RPC caller reaches it.

    Like Odoo 18's ``hr.expense.sheet.write``, the rule is checked for the target value inside
    ``write``; core models narrow the gate to our records (``_aftersales_gate_records``) or
    allow a value that follows a rule (``_aftersales_gate_allows``).

    The fields our addons compute by a rule and store (the deadlines of R7-R12, the due and
    reminder dates of R30, ratings, the customer or company a record follows for its access
    rules) have their compute as only writer: on these models, setting one in a create or write
    is refused the same way, whatever its record (``_aftersales_derived_fields``).
    """

    _name = "aftersales.gate.mixin"
    _description = "After-sales Gate"

    # Field names set only by the action methods (class attribute of each model).
    _aftersales_gated_fields = ()

    # ------------------------------------------------------------------ hooks
    def _aftersales_gate_records(self, vals):
        """The records of ``self`` whose gated fields ``vals`` may not set (all by default)."""
        return self

    def _aftersales_gate_allows(self, fname, value, vals):
        """Whether ``value`` for the gated field ``fname`` follows the rule anyway.

        ``self`` is one record (write) or empty (create, ``vals`` being its values)."""
        return False

    @tools.ormcache()
    def _aftersales_derived_fields(self):
        """Our addons' stored fields of this model that a compute alone writes (no inverse)."""
        return frozenset(
            name
            for name, field in self._fields.items()
            if field.store
            and field.compute
            and field.readonly
            and not field.inverse
            and (field._module or "").startswith("aftersales_")
        )

    # ------------------------------------------------------------------ gate
    def _aftersales_gate_initial(self, fname):
        """The value a new record has when nobody sets the field: its default in the code."""
        field = self._fields[fname]
        return field.default(self) if field.default else False

    def _aftersales_gate_refuse(self, fnames):
        model = self.env["ir.model"]._get(self._name).name
        labels = ", ".join(
            self._fields[fname]._description_string(self.env) for fname in sorted(fnames)
        )
        if set(fnames) <= self._aftersales_derived_fields():
            raise UserError(
                self.env._(
                    "%(model)s: %(fields)s: computed by the rules, never set by editing, "
                    "importing or writing directly.",
                    model=model,
                    fields=labels,
                )
            )
        raise UserError(
            self.env._(
                "%(model)s: %(fields)s can only change through the actions that check the rules "
                "(confirm, approve, review, acknowledge, sign, rate, settle, collect), not by "
                "editing, importing or writing them directly.",
                model=model,
                fields=labels,
            )
        )

    @api.model
    def _aftersales_derived_check_create(self, vals_list):
        derived = self._aftersales_derived_fields()
        if not derived:
            return
        # Context and user defaults of a computed field are taken as given values by create.
        given = {fname for fname, value in self.default_get(list(derived)).items() if value}
        given.update(fname for vals in vals_list for fname in derived.intersection(vals))
        if given:
            self._aftersales_gate_refuse(given)

    @api.model
    def _aftersales_gate_check_create(self, vals_list):
        gated = self._aftersales_gated_fields
        # Context defaults (``default_state``) and user defaults count as set: no key opens the
        # gate.
        defaults = self.default_get(list(gated))
        refused = set()
        for vals in vals_list:
            for fname in gated:
                value = vals[fname] if fname in vals else defaults.get(fname, False)
                initial = self._aftersales_gate_initial(fname)
                if (value or False) == (initial or False):
                    continue
                if not self._aftersales_gate_allows(fname, value, vals):
                    refused.add(fname)
        if refused:
            self._aftersales_gate_refuse(refused)

    def _aftersales_gate_check_write(self, vals):
        fnames = [fname for fname in self._aftersales_gated_fields if fname in vals]
        if not fnames:
            return
        refused = {
            fname
            for record in self._aftersales_gate_records(vals)
            for fname in fnames
            if not record._aftersales_gate_allows(fname, vals[fname], vals)
        }
        if refused:
            self._aftersales_gate_refuse(refused)

    def _aftersales_gate_write(self, vals, access="write"):
        """Write gated values from an action method that has checked its rule: the caller's
        own access is checked (``read`` for a decision on a record the decider need not edit),
        the write itself goes through the gate as superuser."""
        self.check_access(access)
        return self.sudo().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Who may not create at all is told so first; who may is stopped at the gate.
            self.check_access("create")
            self._aftersales_derived_check_create(vals_list)
            if self._aftersales_gated_fields:
                self._aftersales_gate_check_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            derived = self._aftersales_derived_fields().intersection(vals)
            gated = set(self._aftersales_gated_fields).intersection(vals)
            if derived or gated:
                self.check_access("write")
            if derived:
                self._aftersales_gate_refuse(derived)
            if gated:
                self._aftersales_gate_check_write(vals)
        return super().write(vals)
