using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Numbers;

/// <summary>The numbers list as CSV (RFC 4180), safe to open in a spreadsheet.</summary>
public static partial class FleetCsv
{
    public static readonly string[] Header =
        ["Name", "Phone (E.164)", "Phone", "Customer", "State", "Ready to send", "Provider", "Created (UTC)", "Updated (UTC)", "Number ID"];

    public static async Task WriteAsync(TextWriter writer, IEnumerable<FleetRow> rows)
    {
        await writer.WriteLineAsync(Line(Header));
        foreach (var row in rows)
        {
            var n = row.Number;
            await writer.WriteLineAsync(Line(
            [
                n.Name, n.Phone, PhoneDisplay.Format(n.Phone), row.CustomerName ?? "", n.State.Value, n.Ready ? "yes" : "no", n.Provider.Value,
                n.CreatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                n.UpdatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                n.Id,
            ]));
        }
    }

    private static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    internal static string Cell(string? value)
    {
        value ??= "";

        // A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. A phone
        // number such as +5511999999999 or +55 11 99999-9999 calls no function and stays as it is.
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !PlainPhone().IsMatch(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    [GeneratedRegex(@"^\+[0-9 ()-]{6,24}$")]
    private static partial Regex PlainPhone();
}
