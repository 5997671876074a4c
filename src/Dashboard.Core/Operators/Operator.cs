using Microsoft.AspNetCore.Identity;

namespace Dashboard.Core.Operators;

public enum ThemePreference
{
    System,
    Light,
    Dark,
}

/// <summary>A person who may sign in to the dashboard. The Identity user, with what the dashboard remembers about them.</summary>
public sealed class Operator : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public ThemePreference Theme { get; set; } = ThemePreference.System;

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }

    /// <summary>When an administrator disabled this operator; a disabled operator cannot sign in and their sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
}
