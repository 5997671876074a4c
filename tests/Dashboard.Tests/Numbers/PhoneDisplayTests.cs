using Dashboard.Core.Numbers;

namespace Dashboard.Tests.Numbers;

public sealed class PhoneDisplayTests
{
    [Theory]
    [InlineData("5511999999999", "+5511999999999")]
    [InlineData("+55 (11) 99999-9999", "+5511999999999")]
    [InlineData("16502530000", "+16502530000")]
    public void Phones_the_API_sends_as_digits_are_kept_in_E164(string sent, string e164) =>
        Assert.Equal(e164, PhoneDisplay.ToE164(sent));

    [Fact]
    public void Digits_with_no_known_country_code_are_kept_as_sent_rather_than_dropped() =>
        Assert.Equal("+999123", PhoneDisplay.ToE164("999123"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a phone")]
    public void A_phone_without_digits_is_no_phone(string? sent) => Assert.Null(PhoneDisplay.ToE164(sent));

    [Theory]
    [InlineData("+5511999999999", true)]
    [InlineData("+552123456789", true)]
    [InlineData("5511999999999", false)] // no +: the country code is a guess
    [InlineData("+551199", false)]
    [InlineData("+55119999999999999", false)]
    [InlineData(null, false)]
    public void Only_a_plus_and_a_length_the_country_allows_is_sent_to_Pilot_Status(string? e164, bool possible) =>
        Assert.Equal(possible, PhoneDisplay.IsPossibleE164(e164));

    [Fact]
    public void The_same_phone_reads_the_same_whichever_way_it_came_in() =>
        Assert.Equal(PhoneInput.Check("(11) 99999-9999").E164, PhoneDisplay.ToE164("5511999999999"));
}
