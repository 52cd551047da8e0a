from odoo.exceptions import AccessError
from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import aftersales_addons
from .portal_common import PNG_B64, AftersalesPortalCase


class PortalCallsMixin:
    def _post(self, url, data, files=None, **kwargs):
        return self.url_open(
            url, data={"csrf_token": self.csrf_token(), **data}, files=files, **kwargs
        )

    def csrf_token(self):
        page = self.url_open("/my/aftersales/requests/new")
        marker = 'name="csrf_token" value="'
        return page.text.split(marker, 1)[1].split('"', 1)[0]

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def assertNotFound(self, response, *secrets):
        self.assertIn(response.status_code, (403, 404))
        for secret in ("SECRET", *secrets):
            self.assertNotIn(secret, response.text)


@tagged("post_install", "-at_install")
class TestPortalSameCompany(PortalCallsMixin, AftersalesPortalCase):
    """Customer A calls every portal route and model read with the ids of customer C, who is
    in the same company: only the commercial-partner rules keep them apart (issue 12)."""

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    def test_project_routes(self):
        response = self.url_open("/my/aftersales")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f'href="/my/aftersales/projects/{self.project_a.id}"', response.text)
        self.assertNotIn(f"/my/aftersales/projects/{self.project_c.id}", response.text)
        self.assertNotIn("SECRET", response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["aftersales_project_count"]}
        )
        self.assertEqual(counters["aftersales_project_count"], 1)
        self.assertNotFound(self.url_open(f"/my/aftersales/projects/{self.project_c.id}"))
        self.assertNotFound(
            self.url_open(f"/my/aftersales/projects/{self.project_c.id}?access_token=guessed")
        )

    def test_request_routes(self):
        self.assertNotFound(self.url_open(f"/my/aftersales/requests/{self.ticket_c.id}"))
        self.assertNotIn("SECRET", self.url_open(f"/my/ticket/{self.ticket_c.id}").text)
        form = self.url_open("/my/aftersales/requests/new")
        # The project picker (a serial of A may have C's project id as its own id).
        projects = form.text.split('name="project_id"', 1)[1].split("</select>", 1)[0]
        self.assertIn(f'value="{self.project_a.id}"', projects)
        self.assertNotIn(f'value="{self.project_c.id}"', projects)
        self.assertNotIn(f'data-project-id="{self.project_c.id}"', form.text)
        self.assertNotIn("SECRET", form.text)

    def test_submit_with_foreign_project_or_serial(self):
        Ticket = self.env["helpdesk.ticket"]
        before = Ticket.search([]).ids
        base = {"name": "Sneaky", "description": "x", "severity": "general"}
        self.assertNotFound(
            self._post("/my/aftersales/requests/submit", {**base, "project_id": self.project_c.id})
        )
        self.assertNotFound(
            self._post(
                "/my/aftersales/requests/submit",
                {**base, "project_id": self.project_a.id, "lot_id": self.lot_c.id},
            )
        )
        self.assertEqual(Ticket.search([]).ids, before)

    def test_report_routes(self):
        report_c = self.report_c
        self.assertNotFound(self.url_open(f"/my/aftersales/reports/{report_c.id}"))
        self.assertNotFound(self.url_open(f"/my/aftersales/reports/{report_c.id}?report_type=pdf"))
        self.assertNotFound(self.url_open(f"/my/aftersales/reports/{report_c.id}?report_type=html"))
        self.assertNotFound(
            self.url_open(
                f"/my/aftersales/reports/{report_c.id}?access_token={self.report_a.access_token}"
            )
        )
        result = self.make_jsonrpc_request(
            f"/my/aftersales/reports/{report_c.id}/sign", {"name": "Intruder", "signature": PNG_B64}
        )
        self.assertIn("error", result)
        self.assertNotFound(
            self._post(f"/my/aftersales/reports/{report_c.id}/rate", {"rating": "1"})
        )
        self.assertEqual(
            (report_c.state, report_c.signed_by, report_c.rating), ("draft", False, False)
        )

    def test_files(self):
        self.url_open(f"/my/aftersales/requests/{self.ticket_a.id}")
        self.photo_a.invalidate_recordset(["access_token"])
        token_a = self.photo_a.access_token
        self.assertTrue(token_a)
        self.assertEqual(
            self.url_open(f"/web/content/{self.photo_a.id}?access_token={token_a}").content,
            self.photo_a.raw,
        )
        for url in (
            f"/web/content/{self.photo_c.id}",
            f"/web/content/{self.photo_c.id}?access_token={token_a}",
            f"/web/content/{self.photo_c.id}?download=true",
        ):
            self.assertNotFound(self.url_open(url))
        self.assertNotEqual(
            self.url_open(f"/web/image/{self.photo_c.id}").content, self.photo_c.raw
        )
        self.report_c._action_sign("Contact C", PNG_B64)
        pdf_c = self.report_c.signed_attachment_id
        self.assertNotFound(self.url_open(f"/web/content/{pdf_c.id}"))

    @mute_logger("odoo.http")
    def test_rpc_reads_exact_ids(self):
        # What customer A finds, model by model: exactly its own records.
        expected = {
            "aftersales.project": self.project_a.ids,
            "helpdesk.ticket": self.ticket_a.ids,
            "aftersales.service.report": self.report_a.ids,
            "aftersales.archive.entry": [],
        }
        for model, ids in expected.items():
            with self.subTest(model=model):
                found = self.call(model, "search_read", [[]], {"fields": ["display_name"]})
                self.assertEqual(sorted(r["id"] for r in found), sorted(ids))
        for model, record in (
            ("aftersales.project", self.project_c),
            ("helpdesk.ticket", self.ticket_c),
            ("aftersales.service.report", self.report_c),
            ("ir.attachment", self.photo_c),
            ("stock.lot", self.lot_c),
        ):
            with self.subTest(model=model), self.assertRaises(JsonRpcException) as caught:
                self.call(model, "read", [record.ids, ["display_name"]])
            self.assertIn("AccessError", caught.exception.args[0])
        # Grouped reads count only one's own records too.
        groups = self.call(
            "helpdesk.ticket",
            "read_group",
            [[], ["aftersales_project_id"], ["aftersales_project_id"]],
        )
        self.assertEqual([g["aftersales_project_id"][0] for g in groups], self.project_a.ids)


@tagged("post_install", "-at_install")
class TestPortalFindings(PortalCallsMixin, AftersalesPortalCase):
    """The cross-customer and privilege findings of issue 12, each on its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["helpdesk.ticket.stage"]
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_rejected = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        cls.stage_new = Stage.search([("closed", "=", False)], limit=1)
        # A plain helpdesk request (no project, no after-sales team) of each customer.
        cls.plain_a, cls.plain_c = cls.env["helpdesk.ticket"].create(
            [
                {
                    "name": "Plain question A",
                    "description": "x",
                    "partner_id": cls.portal_a.partner_id.id,
                    "team_id": False,
                },
                {
                    "name": "SECRET plain C",
                    "description": "x",
                    "partner_id": cls.portal_c.partner_id.id,
                    "team_id": False,
                },
            ]
        )

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    # 1. helpdesk_mgmt's close route
    @mute_logger("odoo.http")
    def test_ticket_close_route(self):
        stage_before = self.ticket_a.stage_id
        # helpdesk_mgmt's GET without token: refused.
        response = self.url_open(
            f"/ticket/close?ticket_id={self.plain_c.id}&stage_id={self.stage_done.id}"
        )
        self.assertEqual(response.status_code, 405)
        # A POST without the token: refused.
        response = self.url_open(
            "/ticket/close", data={"ticket_id": self.plain_a.id, "stage_id": self.stage_done.id}
        )
        self.assertEqual(response.status_code, 400)
        self.assertNotEqual(self.plain_a.stage_id, self.stage_done)
        # Another customer's request, even in the same company: not found.
        self.assertNotFound(
            self._post(
                "/ticket/close", {"ticket_id": self.plain_c.id, "stage_id": self.stage_done.id}
            )
        )
        self.assertNotEqual(self.plain_c.stage_id, self.stage_done)
        # Own after-sales request: the after-sales team's closing is not the customer's; as
        # helpdesk_mgmt does for a refused stage, nothing changes and the request page answers.
        response = self._post(
            "/ticket/close",
            {"ticket_id": self.ticket_a.id, "stage_id": self.stage_done.id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response.headers["Location"].endswith(f"/my/ticket/{self.ticket_a.id}"))
        self.assertEqual(self.ticket_a.stage_id, stage_before)
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertNotIn('action="/ticket/close"', page.text)
        # Own plain request: only a stage the team lets customers close into.
        plain_before = self.plain_a.stage_id
        response = self._post(
            "/ticket/close",
            {"ticket_id": self.plain_a.id, "stage_id": self.stage_rejected.id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.plain_a.stage_id, plain_before)
        page = self.url_open(f"/my/ticket/{self.plain_a.id}")
        self.assertIn('action="/ticket/close"', page.text)
        self.assertIn('method="POST"', page.text)
        response = self._post(
            "/ticket/close",
            {"ticket_id": self.plain_a.id, "stage_id": self.stage_done.id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 302)  # as helpdesk_mgmt's own route answers
        self.assertTrue(response.headers["Location"].endswith(f"/my/ticket/{self.plain_a.id}"))
        self.assertEqual(self.plain_a.stage_id, self.stage_done)

    # 3. every model the portal may read has a portal record rule
    def test_portal_models_have_portal_rules(self):
        portal = self.env.ref("base.group_portal")
        # Every installed addon of ours (aftersales_*): this one and those built on it.
        addons = aftersales_addons(self.env)
        self.assertIn("aftersales_service", addons)
        ours = {model for model in self.env.registry if self.env[model]._original_module in addons}
        readable = (
            self.env["ir.model.access"]
            .search(
                [
                    ("group_id", "=", portal.id),
                    ("perm_read", "=", True),
                    ("model_id.model", "in", list(ours)),
                ]
            )
            .mapped("model_id.model")
        )
        self.assertTrue(readable)
        for model in readable:
            with self.subTest(model=model):
                rules = self.env["ir.rule"].search(
                    [("model_id.model", "=", model), ("groups", "in", portal.ids)]
                )
                self.assertTrue(rules, f"{model}: portal users read it without a portal rule")
        with self.assertRaises(AccessError):
            self.env["aftersales.ticket.pause"].with_user(self.portal_a).search_read(
                [], ["ticket_id"]
            )

    # 6. files of internal notes stay internal
    def test_internal_note_files_stay_internal(self):
        note_image = self.env["ir.attachment"].create(
            {
                "name": "SECRET internal.png",
                "datas": PNG_B64,
                "res_model": "helpdesk.ticket",
                "res_id": self.ticket_a.id,
            }
        )
        self.ticket_a.message_post(
            body="Cost estimate",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachment_ids=note_image.ids,
        )
        for url in (
            f"/my/aftersales/requests/{self.ticket_a.id}",
            f"/my/ticket/{self.ticket_a.id}",
        ):
            with self.subTest(url=url):
                page = self.url_open(url)
                self.assertEqual(page.status_code, 200)
                self.assertIn(f"/web/image/{self.photo_a.id}", page.text)
                self.assertNotIn(f"/web/image/{note_image.id}", page.text)
                self.assertNotIn(f"/web/content/{note_image.id}", page.text)
        note_image.invalidate_recordset(["access_token"])
        self.assertFalse(note_image.access_token)

    # 8. no back-office action for portal users
    def test_portal_calls_no_action(self):
        portal = self.env.ref("base.group_portal")
        own = {
            "aftersales.project": self.project_a,
            "helpdesk.ticket": self.ticket_a,
            "aftersales.service.report": self.report_a,
            "aftersales.complaint": self.env["aftersales.complaint"].create(
                {"partner_id": self.portal_a.partner_id.id, "description": "Slow answer"}
            ),
        }
        readable = (
            self.env["ir.model.access"]
            .search([("group_id", "=", portal.id), ("perm_read", "=", True)])
            .mapped("model_id.model")
        )
        for model in readable:
            if model not in self.env or not (model.startswith("aftersales.") or model in own):
                continue
            # Their own record where they have one, else any: the check comes before anything.
            records = own.get(model) or self.env[model].search([], limit=1)
            self.assertTrue(records, model)
            Model = self.env[model].with_user(self.portal_a)
            actions = sorted(
                name
                for name in dir(type(Model))
                if name.startswith("action_")
                and callable(getattr(type(Model), name))
                # Odoo's generic archiving exists on every model; it needs an "active" field
                and (Model._active_name or name not in ("action_archive", "action_unarchive"))
            )
            self.assertTrue(actions or model == "aftersales.archive.category", model)
            for name in actions:
                with self.subTest(model=model, action=name), self.assertRaises(AccessError):
                    if name == "action_unarchive":  # on a record it would change
                        records.action_archive()
                    getattr(Model.browse(records.ids), name)()
        # The one the issue names, over JSON-RPC: refused, and no ZIP stored.
        self.env["aftersales.archive.entry"].create(
            {
                "project_id": self.project_a.id,
                "name": "Handover",
                "category_id": self.env.ref("aftersales_service.archive_category_a2").id,
                "shareable": True,
            }
        )
        zips = self.env["ir.attachment"].search_count([("mimetype", "=", "application/zip")])
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.call("aftersales.project", "action_export_archive", [self.project_a.ids])
        self.assertIn("AccessError", caught.exception.args[0])
        self.assertEqual(
            self.env["ir.attachment"].search_count([("mimetype", "=", "application/zip")]), zips
        )
