using Dashboard.Core.Numbers;

namespace Dashboard.Tests.Numbers;

public sealed class FleetQueryUrlTests
{
    [Fact]
    public void A_view_survives_the_trip_through_the_URL()
    {
        var view = new FleetQuery
        {
            Search = "padaria", State = StateFilter.Disconnected, Provider = "META", Customer = CustomerFilter.Of(3),
            Sort = FleetSort.Updated, Descending = true, Page = 2, PageSize = 50,
        };

        var parameters = FleetQueryUrl.ToParameters(view);
        var back = FleetQueryUrl.Parse(name => parameters[name]?.ToString());

        Assert.Equal(view, back);
    }

    [Fact]
    public void The_default_view_has_a_clean_URL()
    {
        Assert.All(FleetQueryUrl.ToParameters(new FleetQuery()).Values, Assert.Null);
    }

    [Fact]
    public void Unassigned_is_its_own_customer_value()
    {
        var parameters = FleetQueryUrl.ToParameters(new FleetQuery { Customer = CustomerFilter.None });

        Assert.Equal("none", parameters["customer"]);
        Assert.Equal(CustomerFilter.None, FleetQueryUrl.Parse(name => parameters[name]?.ToString()).Customer);
    }

    [Theory]
    [InlineData("state", "sideways")]
    [InlineData("sort", "nonsense")]
    [InlineData("page", "-3")]
    [InlineData("page", "two")]
    [InlineData("size", "1000000")]
    [InlineData("customer", "abc")]
    [InlineData("state", "99")]
    public void A_hand_edited_URL_with_bad_values_opens_the_default_for_that_value(string name, string value)
    {
        var parsed = FleetQueryUrl.Parse(key => key == name ? value : null);

        Assert.Equal(new FleetQuery(), parsed);
    }
}
