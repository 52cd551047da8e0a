from datetime import datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from .common_requests import AftersalesRequestCase

# Wednesday 4 March 2026, 14:00 in Shanghai: "now" of the worklist.
NOW = datetime(2026, 3, 4, 6, 0)
LATE_FLAGS = ("answer_late", "onsite_late", "quote_late", "parts_late", "aftersales_late")


@tagged("post_install", "-at_install")
class TestRequestWorklist(AftersalesRequestCase):
    """The dispatcher's worklist (issue 15): the request list and cards most urgent first, the
    After-sales app listing after-sales requests only, the late filter searched in SQL."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.action = cls.env.ref("aftersales_service.helpdesk_ticket_action")
        with freeze_time(NOW):
            # Overdue for two days, lowest priority.
            cls.overdue_long = cls._ticket(datetime(2026, 3, 2, 2, 0), name="Overdue long")
            # Overdue for about an hour.
            cls.overdue_short = cls._ticket(
                datetime(2026, 3, 4, 1, 0), name="Overdue short", priority="1"
            )
            # Half an hour old: its answer clock still runs.
            cls.running = cls._ticket(datetime(2026, 3, 4, 5, 30), name="Running", priority="2")
            # Answered: only the on-site clock is left, a day or more ahead; very high priority.
            cls.onsite = cls._ticket(
                datetime(2026, 3, 4, 5, 0),
                name="On site ahead",
                needs_onsite=True,
                priority="3",
                answered_at=datetime(2026, 3, 4, 5, 10),
            )
            # Closed: no clock runs, whatever its priority.
            cls.done = cls._ticket(
                datetime(2026, 3, 2, 2, 0),
                name="Done",
                priority="3",
                stage_id=cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
            )
        cls.worklist = cls.overdue_long | cls.overdue_short | cls.running | cls.onsite | cls.done

    def _default_order(self, view_type):
        """The default order of the view the requests action opens."""
        views = self.Ticket.get_views([(False, view_type)])
        arch = etree.fromstring(views["views"][view_type]["arch"])
        return arch.get("default_order")

    def test_list_most_urgent_first(self):
        self.assertIn("list", self.action.view_mode)
        self.assertFalse(self.action.view_id, "the action opens the requests' default list")
        order = self._default_order("list")
        self.assertTrue(order, "the request list has a default order")
        self.assertEqual(self._default_order("kanban"), order, "cards in the same order")
        with freeze_time(NOW):
            self.worklist.invalidate_recordset()
            states = {t.name: t.aftersales_deadline_state for t in self.worklist}
            found = self.Ticket.search([("id", "in", self.worklist.ids)], order=order)
        self.assertEqual(
            states,
            {
                "Overdue long": "late",
                "Overdue short": "late",
                "Running": "ok",
                "On site ahead": "ok",
                "Done": "none",
            },
        )
        self.assertLess(self.running.aftersales_next_deadline, self.onsite.aftersales_next_deadline)
        # Overdue first (the longest overdue on top), then by time left, idle requests last;
        # priority only breaks ties.
        self.assertEqual(
            found.mapped("name"),
            ["Overdue long", "Overdue short", "Running", "On site ahead", "Done"],
        )

    def test_list_columns(self):
        """Title, project, coverage and time left shown; created on, last stage update and tags
        optional and hidden by default."""
        arch = etree.fromstring(self.Ticket.get_views([(False, "list")])["views"]["list"]["arch"])
        columns = {node.get("name"): node for node in arch.iter("field")}
        for name in ("name", "aftersales_project_id", "coverage", "aftersales_time_left"):
            self.assertNotEqual(columns[name].get("optional"), "hide", name)
            self.assertFalse(columns[name].get("column_invisible"), name)
        for name in ("create_date", "last_stage_update", "tag_ids"):
            self.assertEqual(columns[name].get("optional"), "hide", name)
        kanban = etree.fromstring(
            self.Ticket.get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        )
        card = kanban.find(".//t[@t-name='card']")
        card_fields = {node.get("name") for node in card.iter("field")}
        self.assertLessEqual(
            {"aftersales_next_deadline", "aftersales_time_left", "coverage"}, card_fields
        )

    def test_menu_lists_aftersales_requests(self):
        menu = self.env.ref("aftersales_service.menu_aftersales_requests")
        self.assertEqual(menu.action, self.action)
        other_team = self.env["helpdesk.ticket.team"].create({"name": "Furniture Desk"})
        with freeze_time(NOW):
            # An e-mail to the after-sales alias no project could be found for: awaiting triage.
            triage = self._ticket(NOW, project=self.Project, name="Unlinked e-mail")
            # Filed under a project by hand, no team.
            no_team = self._ticket(NOW, name="No team", team_id=False)
            furniture = self.Ticket.create(
                {
                    "name": "Office chair squeaks",
                    "description": "A helpdesk ticket of another team.",
                    "partner_id": self.customer_b.id,
                    "team_id": other_team.id,
                }
            )
        self.assertEqual(triage.team_id, self.team)
        self.assertFalse(triage.aftersales_project_id)
        domain = safe_eval(self.action.domain or "[]")
        shown = self.Ticket.search(domain + [("id", "in", (triage | no_team | furniture).ids)])
        self.assertEqual(shown, triage | no_team)
        # Another company's after-sales team is flagged the same way.
        other_team.aftersales_team = True
        shown = self.Ticket.search(domain + [("id", "=", furniture.id)])
        self.assertEqual(shown, furniture)

    def test_late_count_equals_computed_flags(self):
        """The late filters count exactly the requests whose computed flag is set, at one
        moment, over requests late and on time on every clock (R7, R9, R12)."""
        tickets = self.Ticket.browse()
        with freeze_time(NOW):
            for n in range(24):
                received = datetime(2026, 3, 2, 1, 0) + timedelta(hours=5 * n + n % 3)
                if received > NOW:
                    received = NOW - timedelta(minutes=n)
                vals = {"needs_onsite": n % 2 == 0}
                if n % 3 == 0:
                    vals.update(coverage="paid", coverage_reason="After the warranty")
                if n % 4 == 1:
                    vals["answered_at"] = received + timedelta(hours=n % 7)
                if n % 5 == 2:
                    vals["onsite_at"] = received + timedelta(hours=3 * n)
                if n % 6 == 3:
                    vals["quoted_at"] = received + timedelta(hours=n)
                for fact in ("answered_at", "onsite_at", "quoted_at"):
                    if vals.get(fact) and vals[fact] > NOW:
                        vals[fact] = NOW
                tickets |= self._ticket(received, **vals)
            tickets.invalidate_recordset()
            for flag in LATE_FLAGS:
                late = tickets.filtered(flag)
                domain = [("id", "in", tickets.ids)]
                self.assertEqual(self.Ticket.search(domain + [(flag, "=", True)]), late, flag)
                self.assertEqual(
                    self.Ticket.search_count(domain + [(flag, "=", True)]), len(late), flag
                )
                self.assertEqual(
                    self.Ticket.search(domain + [(flag, "=", False)]), tickets - late, flag
                )
            # Both outcomes occur: the comparison above is not between two empty sets.
            self.assertTrue(tickets.filtered("answer_late"))
            self.assertTrue(tickets.filtered("onsite_late"))
            self.assertTrue(tickets.filtered("quote_late"))
            self.assertTrue(tickets - tickets.filtered("aftersales_late"))

    def test_late_search_is_a_subquery(self):
        """The late filter hands the search a subquery, never a list of every late id."""
        for value in (True, False):
            ((field, operator, ids),) = self.Ticket._search_aftersales_late("=", value)
            self.assertEqual((field, operator), ("id", "in" if value else "not in"))
            self.assertIsInstance(ids, SQL)
        # One query for the late first page, whatever the number of late requests.
        self.Ticket.search([("aftersales_late", "=", True)], limit=80)
        with self.assertQueryCount(1):
            self.Ticket.search([("aftersales_late", "=", True)], limit=80)


@tagged("post_install", "-at_install")
class TestEngineerHome(AftersalesRequestCase):
    """Field engineers land on their trips, not on Discuss (issue 15)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.home = cls.env.ref("aftersales_service.aftersales_dispatch_my_action")

    def test_engineer_home_action(self):
        self.assertEqual(self.engineer.action_id.id, self.home.id)
        self.assertFalse(self.as_user.action_id, "dispatchers keep Odoo's home")
        self.assertFalse(self.manager.action_id)

    def test_home_on_group_grant(self):
        user = new_test_user(self.env, "t_newcomer", groups="base.group_user")
        self.assertFalse(user.action_id)
        engineer = self.env.ref("aftersales_service.group_aftersales_engineer")
        user.write({"groups_id": [Command.link(engineer.id)]})
        self.assertEqual(user.action_id.id, self.home.id)
        # Promoted to the back office: Odoo's home again.
        user.write(
            {
                "groups_id": [
                    Command.link(self.env.ref("aftersales_service.group_aftersales_user").id)
                ]
            }
        )
        self.assertFalse(user.action_id)
        # A home chosen by hand stays.
        own_home = self.env.ref("aftersales_service.aftersales_project_action")
        chosen = new_test_user(self.env, "t_chosen", groups="base.group_user")
        chosen.action_id = own_home.id
        chosen.write({"groups_id": [Command.link(engineer.id)]})
        self.assertEqual(chosen.action_id.id, own_home.id)

    def test_home_lists_own_open_trips(self):
        context = safe_eval(self.home.context)
        self.assertEqual(context.get("search_default_my"), 1)
        domain = safe_eval(self.home.domain)
        self.assertIn(("state", "not in", ("closed", "cancel")), domain)
        menu = self.env.ref("aftersales_service.menu_aftersales_my_trips")
        self.assertEqual(menu.action, self.home)


@tagged("post_install", "-at_install")
class TestWorklistScreens(HttpCase):
    """The dispatcher's list and cards as a browser shows them: the overdue request on top of
    the list, its card with the time left and the coverage (issue 15)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            "t_dispatcher",
            groups="base.group_user,aftersales_service.group_aftersales_user",
        )
        customer = cls.env["res.partner"].create({"name": "Worklist Customer", "is_company": True})
        project = cls.env["aftersales.project"].create(
            {
                "name": "T-WORKLIST",
                "partner_id": customer.id,
                "delivery_date": cls.env.company._aftersales_today(),
            }
        )
        team = cls.env.ref("aftersales_service.helpdesk_team_aftersales")
        now = fields.Datetime.now()
        cls.env["helpdesk.ticket"].create(
            [
                {
                    "name": name,
                    "description": "Pump trips",
                    "partner_id": customer.id,
                    "team_id": team.id,
                    "aftersales_project_id": project.id,
                    "received_at": now - age,
                    "priority": priority,
                }
                for name, age, priority in (
                    ("Worklist fresh", timedelta(minutes=5), "3"),
                    ("Worklist overdue", timedelta(days=10), "0"),
                )
            ]
        )

    def test_list_and_cards(self):
        code = r"""
            const wait = async (selector, text) => {
                for (let i = 0; i < 200; i++) {
                    const found = [...document.querySelectorAll(selector)].filter(
                        (el) => !text || el.textContent.includes(text));
                    if (found.length) { return found; }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                throw new Error(`${selector} ${text || ""} not shown`);
            };
            (async () => {
                const rows = await wait(".o_list_view .o_data_row", "Worklist");
                const names = rows.map((row) => row.querySelector("[name=name]").textContent)
                    .filter((name) => name.startsWith("Worklist"));
                if (names[0] !== "Worklist overdue") {
                    throw new Error(`overdue request not first: ${names}`);
                }
                await wait(".o_list_view [name=aftersales_time_left]", "overdue");
                // Title, project, coverage and time left are read whole, not cut.
                for (const row of document.querySelectorAll(".o_list_view .o_data_row")) {
                    for (const name of ["name", "aftersales_project_id", "coverage",
                                        "aftersales_time_left"]) {
                        const cell = row.querySelector(`td[name=${name}]`);
                        if (!cell || cell.scrollWidth > cell.clientWidth + 1) {
                            throw new Error(`${name} cut: ${cell && cell.textContent}`);
                        }
                    }
                }
                await wait(".o_list_view [name=coverage]", "Free");
                document.querySelector(".o_switch_view.o_kanban").click();
                const cards = await wait(".o_kanban_record", "Worklist overdue");
                for (const text of ["overdue", "Free", "T-WORKLIST"]) {
                    if (!cards[0].textContent.includes(text)) {
                        throw new Error(`card without ${text}: ${cards[0].textContent}`);
                    }
                }
                const deadline = cards[0].querySelector("[name=aftersales_deadline]");
                if (!deadline || !/Answer.*\d{2}:\d{2}/.test(deadline.textContent)) {
                    throw new Error(`card without its deadline: ${cards[0].innerHTML}`);
                }
                console.log("test successful");
            })().catch((error) => console.error(error.message));
        """
        self.browser_js(
            "/odoo/action-aftersales_service.helpdesk_ticket_action",
            code,
            ready="!!document.querySelector('.o_list_view .o_data_row')",
            login="t_dispatcher",
            timeout=120,
        )
