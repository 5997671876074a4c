using System.ComponentModel.DataAnnotations;

namespace Dashboard.Core.Setup;

/// <summary>
/// The <c>FirstAdministrator</c> section: for headless deployments, the first administrator is created at start-up
/// from these values instead of through the setup page. Both empty means "use the setup page".
/// </summary>
public sealed class FirstAdministratorOptions : IValidatableObject
{
    public const string Section = "FirstAdministrator";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrEmpty(Password))
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Email) || !new EmailAddressAttribute().IsValid(Email))
        {
            yield return new ValidationResult("FirstAdministrator:Email must be an email address when FirstAdministrator:Password is set.", [nameof(Email)]);
        }

        if (string.IsNullOrEmpty(Password) || Password.Length < OperatorPasswordPolicy.MinimumLength)
        {
            yield return new ValidationResult(
                $"FirstAdministrator:Password must be at least {OperatorPasswordPolicy.MinimumLength} characters when FirstAdministrator:Email is set.",
                [nameof(Password)]);
        }
    }
}
