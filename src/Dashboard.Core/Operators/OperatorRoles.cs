namespace Dashboard.Core.Operators;

public static class OperatorRoles
{
    /// <summary>Everything, including operators and customers.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Every customer and number; no operator management.</summary>
    public const string Operator = "Operator";

    /// <summary>Only the customers assigned to them.</summary>
    public const string Support = "Support";

    public static readonly IReadOnlyList<string> All = [Administrator, Operator, Support];
}
