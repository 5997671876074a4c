using Dashboard.Core.Numbers;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Numbers;

public sealed class FleetCsvTests
{
    [Theory]
    [InlineData("Padaria", "Padaria")]
    [InlineData("Vendas, Centro", "\"Vendas, Centro\"")]
    [InlineData("Diz \"oi\"", "\"Diz \"\"oi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("+5511999999999", "+5511999999999")]
    [InlineData(null, "")]
    public void Cells_are_quoted_and_formulas_defused(string? value, string expected)
    {
        Assert.Equal(expected, FleetCsv.Cell(value));
    }

    [Fact]
    public async Task Each_number_is_one_line_under_a_header()
    {
        var rows = new[]
        {
            new FleetRow(FakePilotStatusClient.Number("cmm0aaa1", "Padaria, Vendas", "+5511982056555"), 1, "Padaria Estrela"),
            new FleetRow(FakePilotStatusClient.Number("cmm0ccc1", "Sem dono", "+5531988887777", "CLOSE"), null, null),
        };
        await using var writer = new StringWriter();

        await FleetCsv.WriteAsync(writer, rows);

        var lines = writer.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Name,Phone (E.164),Phone,Customer,State", lines[0]);
        Assert.Equal("\"Padaria, Vendas\",+5511982056555,+55 11 98205-6555,Padaria Estrela,OPEN,yes,PILOT_STATUS,2026-11-01 10:00:00,2026-11-20 10:00:00,cmm0aaa1", lines[1]);
        Assert.EndsWith(",CLOSE,no,PILOT_STATUS,2026-11-01 10:00:00,2026-11-20 10:00:00,cmm0ccc1", lines[2]);
    }
}
