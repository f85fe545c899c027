using System.Text.Json.Nodes;
using Inspection.Rules.Tests.Builders;

namespace Inspection.Rules.Tests;

public class PackValidationTests
{
    private const string ValidRule = """{ ">": ["tax.filedOn", "tax.dueDate"] }""";

    [Fact]
    public void Valid_base_rule_loads()
    {
        var pack = TestPacks.Load(TestPacks.Rule(ValidRule));

        var rule = Assert.Single(pack.Rules);
        Assert.Equal(("TEST-RULE", 1, new DateOnly(2025, 7, 1), (DateOnly?)null), (rule.Id, rule.Version, rule.ValidFrom, rule.ValidTo));
        Assert.Equal(new RecordSource("tax", "tax", "vat-return"), rule.For);
    }

    [Theory]
    // Each case replaces one property of the valid base rule (null removes it).
    [InlineData("id", null, null, "rules[0].id", "missing required property 'id'")]
    [InlineData("version", "0", "TEST-RULE", "rules[0].version", "positive whole number")]
    [InlineData("validFrom", "\"2025-13-01\"", "TEST-RULE", "rules[0].validFrom", "bad date '2025-13-01'")]
    [InlineData("validTo", "\"2025-06-30\"", "TEST-RULE", "rules[0].validTo", "before validFrom")]
    [InlineData("severity", "\"urgent\"", "TEST-RULE", "rules[0].severity", "unknown severity 'urgent'")]
    [InlineData("vaildTo", "\"2026-06-30\"", "TEST-RULE", "rules[0].vaildTo", "unknown property 'vaildTo'")]
    [InlineData("legalBasis", "\" \"", "TEST-RULE", "rules[0].legalBasis", "must not be empty")]
    [InlineData("title", """{ "vi": "Thử" }""", "TEST-RULE", "rules[0].title.en", "missing required property 'en'")]
    [InlineData("explanation", """{ "vi": "Kỳ {period}" }""", "TEST-RULE", "rules[0].explanation.en", "missing required property 'en'")]
    [InlineData("explanation", """{ "vi": "{tax.filedOn}", "en": "{lateDays}" }""", "TEST-RULE", "rules[0].explanation.en", "unknown placeholder '{lateDays}'")]
    [InlineData("explanation", """{ "vi": "{taxx.filedOn}", "en": "x" }""", "TEST-RULE", "rules[0].explanation.vi", "unknown alias 'taxx'")]
    [InlineData("explanation", """{ "vi": "Kỳ {period", "en": "x" }""", "TEST-RULE", "rules[0].explanation.vi", "unclosed placeholder")]
    [InlineData("for", """{ "as": "registration", "registry": "tax", "kind": "vat-return" }""", "TEST-RULE", "rules[0].for.as", "reserved")]
    [InlineData("for", """{ "as": "lab", "registry": "labour", "kind": "report" }""", "TEST-RULE", "rules[0].for", "no record shape is declared for labour/report")]
    [InlineData("join", """[{ "as": "tax", "registry": "social-insurance", "kind": "contribution" }]""", "TEST-RULE", "rules[0].join[0].as", "alias 'tax' is used twice")]
    [InlineData("join", """[{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution", "on": "recordId" }]""", "TEST-RULE", "rules[0].join[0].on", "unknown join key 'recordId'")]
    [InlineData("when", null, "TEST-RULE", "rules[0].when", "missing required property 'when'")]
    [InlineData("when", """{ "=~": ["tax.filedOn", "tax.dueDate"] }""", "TEST-RULE", "rules[0].when", "unknown operator '=~'")]
    [InlineData("when", """{ "all": [{ ">": ["tax.filedOn", "tax.dueDate"] }, { "and": [] }] }""", "TEST-RULE", "rules[0].when.all[1]", "unknown operator 'and'")]
    [InlineData("when", """{ "all": [] }""", "TEST-RULE", "rules[0].when.all", "at least 1 arguments")]
    [InlineData("when", """{ ">": ["tax.filedOn"] }""", "TEST-RULE", "rules[0].when.>", "exactly 2 arguments")]
    [InlineData("when", """{ ">": ["tax.filedOn", "tax.dueDate"], "<": [1, 2] }""", "TEST-RULE", "rules[0].when", "exactly one operator")]
    [InlineData("when", """{ ">": ["taxx.filedOn", "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.>[0]", "unknown alias 'taxx'")]
    [InlineData("when", """{ ">": ["tax.filedon", "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.>[0]", "tax/vat-return records have no field 'filedon'")]
    [InlineData("when", """{ "==": ["registration.status", "dissolved"] }""", "TEST-RULE", "rules[0].when.==[1]", "write text as {\"text\": \"dissolved\"}")]
    [InlineData("when", """{ "<": ["tax.filedOn", { "date": "01/07/2026" }] }""", "TEST-RULE", "rules[0].when.<[1].date", "bad date '01/07/2026'")]
    [InlineData("when", """{ "<": ["tax.filedOn", "2026-07-01"] }""", "TEST-RULE", "rules[0].when.<[1]", "write dates as {\"date\": \"2026-07-01\"}")]
    [InlineData("when", """{ "<": ["tax.revenue", { "*": [{ "text": "half" }, "tax.revenue"] }] }""", "TEST-RULE", "rules[0].when.<[1].*[0]", "non-numeric operand in '*': a text literal is text")]
    [InlineData("when", """{ "<": ["tax.revenue", { "*": ["0.5", "tax.revenue"] }] }""", "TEST-RULE", "rules[0].when.<[1].*[0]", "non-numeric literal \"0.5\"")]
    [InlineData("when", """{ "<": ["tax.revenue", { "+": ["tax.filedOn", 1] }] }""", "TEST-RULE", "rules[0].when.<[1].+[0]", "non-numeric operand in '+': field tax.filedOn is date")]
    [InlineData("when", """{ "<": ["tax.revenue", { "^": [2, 3] }] }""", "TEST-RULE", "rules[0].when.<[1]", "unknown operator '^'")]
    [InlineData("when", """{ ">": [{ "mean": { "of": "tax.revenue", "last": 0 } }, 0] }""", "TEST-RULE", "rules[0].when.>[0].mean.last", "positive whole number")]
    [InlineData("when", """{ ">": [{ "mean": { "of": "tax", "last": 3 } }, 0] }""", "TEST-RULE", "rules[0].when.>[0].mean.of", "only 'count' counts records")]
    [InlineData("when", """{ ">": [{ "sum": { "of": "tax.filedOn", "last": 3 } }, 0] }""", "TEST-RULE", "rules[0].when.>[0].sum.of", "is a date")]
    [InlineData("when", """{ ">": [{ "max": { "of": "registration.charterCapital", "last": 3 } }, 0] }""", "TEST-RULE", "rules[0].when.>[0].max.of", "no periods")]
    [InlineData("when", """{ ">": [{ "count": { "of": "tax", "last": 3, "skip": -1 } }, 0] }""", "TEST-RULE", "rules[0].when.>[0].count.skip", "whole number from 0")]
    [InlineData("when", """{ ">": [{ "count": { "of": "tax", "last": 3, "over": 2 } }, 0] }""", "TEST-RULE", "rules[0].when.>[0].count.over", "unknown property 'over'")]
    [InlineData("when", """{ "missing": "tax" }""", "TEST-RULE", "rules[0].when.missing", "not an optional join")]
    [InlineData("when", """{ ">": [{ "changePct": ["tax.revenue", "tax.filedOn"] }, 0] }""", "TEST-RULE", "rules[0].when.>[0].changePct[1]", "needs a number here")]
    [InlineData("when", """{ "<": [{ "asOf": { "x": 1 } }, "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.<[0].asOf", "takes no arguments")]
    [InlineData("stage", "\"trial\"", "TEST-RULE", "rules[0].stage", "unknown stage 'trial' (expected live or dry-run)")]
    [InlineData("for", """{ "as": "m", "every": "week" }""", "TEST-RULE", "rules[0].for.every", "unknown calendar 'week'")]
    [InlineData("for", """{ "as": "m", "every": "month", "kind": "vat-return" }""", "TEST-RULE", "rules[0].for.kind", "unknown property 'kind'")]
    [InlineData("join", """[{ "as": "bhxh", "registry": "social-insurance", "kind": "contribution", "optional": "yes" }]""", "TEST-RULE", "rules[0].join[0].optional", "must be true or false")]
    [InlineData("when", """{ ">": [{ "days": ["tax.dueDate", 3] }, 0] }""", "TEST-RULE", "rules[0].when.>[0].days[1]", "'days' needs a date here")]
    [InlineData("when", """{ ">": ["tax.filedOn", 5] }""", "TEST-RULE", "rules[0].when.>", "cannot compare field tax.filedOn (date) with the number 5 (number)")]
    [InlineData("when", """{ "<": ["registration.status", { "text": "b" }] }""", "TEST-RULE", "rules[0].when.<", "text can only be compared with == or !=")]
    [InlineData("when", """{ ">": [true, 1] }""", "TEST-RULE", "rules[0].when.>[0]", "expected a field reference")]
    [InlineData("compute", """{ "period": { "days": ["tax.dueDate", "tax.filedOn"] } }""", "TEST-RULE", "rules[0].compute.period", "cannot name a computed value")]
    [InlineData("explanation", """{ "vi": "{period:quarter}", "en": "x" }""", "TEST-RULE", "rules[0].explanation.vi", "unknown period format 'quarter' in '{period:quarter}'")]
    [InlineData("explanation", """{ "vi": "x", "en": "{period:}" }""", "TEST-RULE", "rules[0].explanation.en", "unknown period format ''")]
    [InlineData("when", """{ ">=": [{ "periodStart": "registration" }, "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.>=[0].periodStart", "'registration' records have no period")]
    [InlineData("when", """{ ">=": [{ "periodStart": "tax.periodStart" }, "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.>=[0].periodStart", "'tax.periodStart' is not an alias of this rule")]
    [InlineData("when", """{ ">=": [{ "periodStart": "bhxh" }, "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.>=[0].periodStart", "'bhxh' is not an alias of this rule: name the record, not a field (known: tax)")]
    [InlineData("when", """{ ">=": [{ "periodStart": 3 }, "tax.dueDate"] }""", "TEST-RULE", "rules[0].when.>=[0].periodStart", "must be a string")]
    [InlineData("when", """{ ">": [{ "periodStart": "tax" }, 5] }""", "TEST-RULE", "rules[0].when.>", "cannot compare the period start of tax (date) with the number 5 (number)")]
    [InlineData("when", """{ ">=": [{ "+": ["acc.seriousInjuries", "acc.fatalities"] }, 2] }""", "TEST-RULE", "rules[0].when.>=[0].+[0]", "unknown alias 'acc'")]
    [InlineData("when", """{ "==": ["tax.revenue", { "text": "immediate" }] }""", "TEST-RULE", "rules[0].when.==", "cannot compare field tax.revenue (number) with a text literal (text)")]
    public void Invalid_rule_is_refused_naming_the_rule_and_field(string property, string? replacement, string? ruleId, string field, string reason)
    {
        var rule = JsonNode.Parse(TestPacks.Rule(ValidRule))!.AsObject();
        if (replacement is null)
        {
            rule.Remove(property);
        }
        else
        {
            rule[property] = JsonNode.Parse(replacement);
        }

        var error = Assert.Throws<RulePackException>(() => TestPacks.Load(rule.ToJsonString()));

        Assert.Equal(ruleId, error.RuleId);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_has_no_fields_to_read()
    {
        var error = Assert.Throws<RulePackException>(() => TestPacks.Load(
            TestPacks.Rule("""{ ">": ["m.revenue", 0] }""", source: """{ "as": "m", "every": "month" }""")));

        Assert.Equal("rules[0].when.>[0]", error.Field);
        Assert.Contains("'m' is a calendar and has no fields", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_dry_run_versions_of_one_rule_must_not_overlap()
    {
        var error = Assert.Throws<RulePackException>(() => TestPacks.Load(
            TestPacks.Rule(ValidRule),
            TestPacks.Rule(ValidRule, version: 2, validFrom: "2026-01-01", extra: """ "stage": "dry-run", """),
            TestPacks.Rule(ValidRule, version: 3, validFrom: "2026-06-01", extra: """ "stage": "dry-run", """)));

        Assert.Equal(("TEST-RULE", "rules[2].validFrom"), (error.RuleId, error.Field));
        Assert.Contains("overlaps version 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_rule_id_and_version_is_refused()
    {
        var error = Assert.Throws<RulePackException>(() => TestPacks.Load(
            TestPacks.Rule(ValidRule, validTo: "2025-12-31"),
            TestPacks.Rule(ValidRule, validFrom: "2026-01-01")));

        Assert.Equal(("TEST-RULE", "rules[1].version"), (error.RuleId, error.Field));
        Assert.Contains("version 1 is already defined at rules[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_versions_of_one_rule_are_refused()
    {
        var error = Assert.Throws<RulePackException>(() => TestPacks.Load(
            TestPacks.Rule(ValidRule, validTo: "2026-06-30"),
            TestPacks.Rule(ValidRule, version: 2, validFrom: "2026-06-30")));

        Assert.Equal(("TEST-RULE", "rules[1].validFrom"), (error.RuleId, error.Field));
        Assert.Contains("overlaps version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consecutive_versions_of_one_rule_load()
    {
        var pack = TestPacks.Load(
            TestPacks.Rule(ValidRule, validTo: "2026-06-30"),
            TestPacks.Rule(ValidRule, version: 2, validFrom: "2026-07-01"));

        Assert.Equal([1, 2], pack.Rules.Select(rule => rule.Version));
    }

    [Theory]
    [InlineData("""{ "id": "p", "version": "1", "records": [], "rules": [ """, null, "not valid JSON")]
    [InlineData("""[]""", null, "must be a JSON object")]
    [InlineData("""{ "version": "1", "records": [], "rules": [] }""", "id", "missing required property 'id'")]
    [InlineData("""{ "id": "p", "version": "1", "rules": [] }""", "records", "missing required property 'records'")]
    [InlineData("""{ "id": "p", "version": "1", "records": [{ "registry": "tax", "kind": "vat-return", "fields": { "revenue": "money" } }], "rules": [] }""", "records[0].fields.revenue", "unknown field type 'money'")]
    [InlineData("""{ "id": "p", "version": "1", "records": [{ "registry": "tax", "kind": "vat-return", "fields": { "revenue": "number", "revenue": "text" } }], "rules": [] }""", "records[0].fields.revenue", "declared twice")]
    [InlineData("""{ "id": "p", "version": "1", "records": [], "rules": [], "owner": "x" }""", "owner", "unknown property 'owner'")]
    public void Invalid_pack_is_refused_naming_the_field(string json, string? field, string reason)
    {
        var error = Assert.Throws<RulePackException>(() => RulePack.Load(json));

        Assert.Null(error.RuleId);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_may_carry_comments_and_trailing_commas()
    {
        var pack = RulePack.Load("""
            {
              // Written by the agency's rule administrator.
              "id": "commented",
              "version": "1",
              "records": [],
              "rules": [],
            }
            """);

        Assert.Equal("commented", pack.Id);
        Assert.Empty(pack.Rules);
    }
}
