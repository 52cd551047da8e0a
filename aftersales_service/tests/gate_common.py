"""The gate tests' machinery (DESIGN.md, Security), shared by the addons: each addon lists the
guarded fields its own models declare (``GATES``) and supplies one record of each model
(``_gate_records``); the checks (``GateChecks``, ``GateJsonRpcChecks``) are the same everywhere."""

from functools import partial

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .dispatch_common import DispatchCase

NOW = "2026-03-01 08:00:00"
TODAY = "2026-03-01"
USER = object()  # the forger writes his own user id
ATTACHMENT = object()  # some PDF
OTHER = object()  # another record of the field's comodel than the one it holds
FAR = "2099-01-01 00:00:00"  # a deadline or date pushed out of sight
GATE_MESSAGE = (
    "can only change through the actions|follows its service request's coverage"
    "|computed by the rules, never set by"
)
# Keys a forger may try: none opens a gate.
FORGED_CONTEXT = {"aftersales_gate_open": True, "sudo": True, "bypass_gate": True}


class _Discard(Exception):
    """Rolls back the savepoint of a record created only to be inspected."""


def may_write(record, user):
    """Whether ``user``'s rights (ACL and record rules) let him write ``record`` at all."""
    try:
        record.with_user(user).check_access("write")
    except AccessError:
        return False
    return True


def declared_gates(env, module):
    """{(model, field)} guarded by the model classes of ``module``: the fields each class of
    that addon lists in ``_aftersales_gated_fields``, and the stored fields it computes by a rule
    on a gated model (``_aftersales_derived_fields``)."""
    gated = {
        (name, fname)
        for name, model in env.registry.items()
        if not model._abstract
        for cls in model.__mro__
        if "_aftersales_gated_fields" in vars(cls) and getattr(cls, "_module", None) == module
        for fname in vars(cls)["_aftersales_gated_fields"]
    }
    derived = {
        (name, fname)
        for name in env.registry.descendants(["aftersales.gate.mixin"], "_inherit")
        if not env[name]._abstract
        for fname in env[name]._aftersales_derived_fields()
        if env[name]._fields[fname]._module == module
    }
    return gated | derived


class GateCase(DispatchCase):
    """One record of every gated model of ``GATE_MODULE``, and the users who try to forge its
    guarded fields. A subclass names the addon, its ``GATES`` ((model, field, forged value)
    rows) and builds the records in ``_gate_records``."""

    GATE_MODULE = None
    GATES = ()
    # Rights enough to read every record: what refuses is the gate, not the ACL.
    GATE_GROUPS = ("sales_team.group_sale_salesman_all_leads", "stock.group_stock_user")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = [cls.env.ref(xmlid) for xmlid in cls.GATE_GROUPS]
        for user in cls.engineer | cls.as_user | cls.manager:
            user.write({"groups_id": [Command.link(group.id) for group in groups]})
        cls.ticket.user_id = cls.engineer
        cls.dispatch = cls._dispatch()
        cls.attachment = cls.env["ir.attachment"].create(
            {"name": "forged.pdf", "raw": b"%PDF-1.4 forged", "mimetype": "application/pdf"}
        )
        cls.records = cls._gate_records()
        cls.forgers = cls._gate_forgers()

    @classmethod
    def _gate_forgers(cls):
        """{model: the users who try to forge its guarded fields}: the engineer, the after-sales
        user and the manager; for every group the access rights let create or write the model
        (read from ``ir.model.access``, so that a right added later is tried too), a user with
        that group alone (and its implied groups); a plain internal user and a portal user."""
        Access = cls.env["ir.model.access"]
        roles = cls.engineer | cls.as_user | cls.manager
        everyone = (
            roles
            | new_test_user(cls.env, login="gate_internal", groups="base.group_user")
            | new_test_user(cls.env, login="gate_portal", groups="base.group_portal")
        )
        internal = cls.env.ref("base.group_user")
        by_group = {}
        forgers = {}
        for model in cls.records:
            accesses = Access.search(
                [
                    ("model_id.model", "=", model),
                    "|",
                    ("perm_write", "=", True),
                    ("perm_create", "=", True),
                ]
            )
            users = everyone
            for group in accesses.group_id:
                if group not in by_group:
                    by_group[group] = new_test_user(
                        cls.env,
                        login=f"gate_{group.get_external_id()[group.id] or group.id}",
                        groups_id=[internal.id, group.id],
                        name=f"Forger ({group.full_name})",
                    )
                users |= by_group[group]
            forgers[model] = users
        return forgers

    @classmethod
    def _gate_records(cls):
        """{model: one record} for every model of ``GATES``."""
        raise NotImplementedError

    def _value(self, value, user, record, fname):
        if value is USER:
            return user.id
        if value is ATTACHMENT:
            return self.attachment.id
        if value is OTHER:
            held = record.sudo()[fname]
            return self.env[held._name].sudo().search([("id", "!=", held.id)], limit=1).id
        return value


class GateChecks:
    """Mixed into a ``GateCase`` subclass: the guarded fields change only through the action
    methods, whoever writes (every group that may write the model, internal and portal users)
    and however (create, write, copy, context defaults). Odoo's test loader runs only the test
    methods a class defines itself: each addon's class defines ``test_*`` methods that call
    these checks."""

    def _assert_refused(self, record, fname, operation, user):
        """Refused: by the gate, or before it when the user may not write that record at all
        (an AccessError). Returns whether the gate itself spoke."""
        with self.assertRaises(UserError) as caught:
            operation()
        if isinstance(caught.exception, AccessError):
            return False
        self.assertRegex(
            str(caught.exception), GATE_MESSAGE, f"{record._name}.{fname} {user.login}"
        )
        return True

    def _assert_default_refused(self, records, fname, value, base_vals, user):
        """A context default for a gated field is refused, or ignored by the model's own
        create (``clean_context``): the record never carries it."""
        vals = {key: val for key, val in base_vals.items() if key != fname}
        Model = records.browse().with_context(**{f"default_{fname}": value})
        try:
            with self.env.cr.savepoint():
                created = Model.create(vals)
                created.invalidate_recordset()
                carried = created.sudo()[fname]
                carried = carried.id if hasattr(carried, "_name") else carried
                self.assertNotEqual(carried, value, f"{records._name}.{fname} {user.login}")
                raise _Discard()
        except (_Discard, AccessError):  # pylint: disable=except-pass
            # Refused (AccessError) or carried nothing and rolled back (_Discard): both are the
            # expected outcome, there is nothing to check.
            pass
        except UserError as error:
            self.assertIs(type(error), UserError)
            self.assertRegex(str(error), GATE_MESSAGE)

    def _check_table_lists_every_gate(self):
        declared = declared_gates(self.env, self.GATE_MODULE)
        self.assertTrue(declared, self.GATE_MODULE)
        self.assertEqual({(model, fname) for model, fname, __ in self.GATES}, declared)
        self.assertEqual(set(self.records), {model for model, __ in declared})

    def _check_nobody_sets_a_gated_field(self):
        """create, write and copy by every forger (``_gate_forgers``: every group that may
        create or write the model, internal and portal users) are refused, with a forged
        context, and nothing changes; whoever may write the record is refused by the gate."""
        for model, fname, forged in self.GATES:
            record = self.records[model]
            Model = self.env[model]
            base_vals = record.copy_data()[0]
            before = record[fname]
            count = Model.search_count([])
            gate_spoke = set()
            for user in self.forgers[model]:
                value = self._value(forged, user, record, fname)
                mine = record.with_user(user).with_context(**FORGED_CONTEXT)
                with self.subTest(model=model, field=fname, user=user.login):
                    operations = {
                        "write": partial(mine.write, {fname: value}),
                        "create": partial(mine.browse().create, {**base_vals, fname: value}),
                        "copy": partial(mine.copy, {fname: value}),
                    }
                    for operation, call in operations.items():
                        if self._assert_refused(record, fname, call, user):
                            gate_spoke.add(operation)
                        elif operation == "write":
                            # Refused by the rights: only who may not write the record at all.
                            self.assertFalse(may_write(record, user), f"{model}.{fname}")
                    self._assert_default_refused(mine, fname, value, base_vals, user)
                    record.invalidate_recordset()
                    self.assertEqual(record[fname], before)
                    self.assertEqual(Model.search_count([]), count)
            # Whoever may write the record at all is stopped by the gate itself.
            self.assertEqual(gate_spoke, {"write", "create", "copy"}, f"{model}.{fname}")


class GateJsonRpcChecks:
    """Mixed into a ``GateCase`` and ``HttpCase`` subclass: every guarded field of the table,
    forged over real JSON-RPC (``call_kw`` ``write``, the client's own route) by every forger
    (``_gate_forgers``: every group that may create or write the model, internal and portal
    users) with a forged context: refused, and nothing written. Whoever
    may write the record at all is stopped by the gate itself. The addon's class defines the
    ``test_*`` method that calls the check."""

    @mute_logger("odoo.http")
    def _check_every_gate_refused_over_json_rpc(self):
        gates = self.GATES
        self.assertTrue(gates)
        before = {(model, fname): self.records[model].sudo()[fname] for model, fname, __ in gates}
        gate_spoke = set()
        forgers = self.env["res.users"].union(*self.forgers.values())
        for user in forgers:
            self.authenticate(user.login, user.login + "x" * (8 - len(user.login)))
            for model, fname, forged in gates:
                record = self.records[model]
                if user not in self.forgers[model]:
                    continue
                value = self._value(forged, user, record, fname)
                with self.subTest(model=model, field=fname, user=user.login):
                    with self.assertRaises(JsonRpcException) as caught:
                        self.make_jsonrpc_request(
                            f"/web/dataset/call_kw/{model}/write",
                            {
                                "model": model,
                                "method": "write",
                                "args": [record.ids, {fname: value}],
                                "kwargs": {"context": FORGED_CONTEXT},
                            },
                        )
                    error = caught.exception.args[0]
                    self.assertIn(
                        error, ("odoo.exceptions.UserError", "odoo.exceptions.AccessError")
                    )
                    if error == "odoo.exceptions.UserError":
                        gate_spoke.add((model, fname))
                    else:
                        # Refused by the rights: only who may not write the record at all.
                        self.assertFalse(may_write(record, user), f"{model}.{fname}")
        for model, fname, __ in gates:
            record = self.records[model]
            record.invalidate_recordset()
            self.assertEqual(record.sudo()[fname], before[model, fname], f"{model}.{fname}")
        self.assertEqual(gate_spoke, {(model, fname) for model, fname, __ in gates})
