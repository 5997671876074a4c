using Dashboard.Core.Numbers;

namespace Dashboard.Tests.Numbers;

public sealed class PhoneInputTests
{
    [Theory]
    [InlineData("(11) 99999-9999", "+5511999999999")]
    [InlineData("+55 11 99999 9999", "+5511999999999")]
    [InlineData("011 99999-9999", "+5511999999999")]
    [InlineData("5511999999999", "+5511999999999")]
    [InlineData(" +5511999999999 ", "+5511999999999")]
    [InlineData("(21) 2345-6789", "+552123456789")]
    [InlineData("+1 650 253 0000", "+16502530000")]
    public void Phones_as_people_type_them_become_E164(string typed, string e164)
    {
        var check = PhoneInput.Check(typed);

        Assert.Null(check.Problem);
        Assert.Equal(e164, check.E164);
    }

    [Theory]
    [InlineData("", PhoneInput.Missing)]
    [InlineData("   ", PhoneInput.Missing)]
    [InlineData("suporte", PhoneInput.NotAPhoneNumber)]
    [InlineData("(11) 99999-9999 ramal 2", PhoneInput.NotAPhoneNumber)]
    [InlineData("99999-9999", PhoneInput.MissingAreaCode)]
    [InlineData("3333-4444", PhoneInput.MissingAreaCode)]
    [InlineData("(11) 9999", PhoneInput.TooShort)]
    [InlineData("123", PhoneInput.TooShort)]
    [InlineData("(11) 99999-99999", PhoneInput.TooLong)]
    [InlineData("(11) 89999-9999", PhoneInput.NotValidInBrazil)]
    [InlineData("+999 1234 5678", PhoneInput.UnknownCountryCode)]
    [InlineData("0800 123 4567", PhoneInput.NotMobileOrLandline)]
    [InlineData("+1 650 253", PhoneInput.TooShortAbroad)]
    public void A_phone_that_cannot_be_used_says_what_is_wrong(string typed, string problem)
    {
        var check = PhoneInput.Check(typed);

        Assert.False(check.IsValid);
        Assert.Equal(problem, check.Problem);
    }

    [Fact]
    public void The_confirmation_of_a_removal_is_the_last_four_digits_of_the_phone()
    {
        Assert.True(NumberAdministration.ConfirmsRemoval("+5511987654321", "4321"));
        Assert.False(NumberAdministration.ConfirmsRemoval("+5511987654321", "54321"));
        Assert.False(NumberAdministration.ConfirmsRemoval("+5511987654321", ""));
        Assert.False(NumberAdministration.ConfirmsRemoval(null, "4321"));
    }
}
