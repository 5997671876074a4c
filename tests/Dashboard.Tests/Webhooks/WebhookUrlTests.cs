using Dashboard.Core.Webhooks;

namespace Dashboard.Tests.Webhooks;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://crm.example.com/hook?token=s3cr3t&tenant=42", "https://crm.example.com/hook?token=***&tenant=***")]
    [InlineData("https://bot:hunter2@crm.example.com:8443/in", "https://***@crm.example.com:8443/in")]
    [InlineData("https://crm.example.com/in?s3cr3tOnItsOwn", "https://crm.example.com/in?***")]
    [InlineData("https://crm.example.com/in#access_token=s3cr3t", "https://crm.example.com/in#***")]
    [InlineData("https://crm.example.com/hook", "https://crm.example.com/hook")]
    [InlineData("not a url?key=s3cr3t", "not a url***")]
    public void Secrets_in_the_query_user_info_and_fragment_are_masked_and_the_rest_kept(string url, string shown)
    {
        Assert.Equal(shown, WebhookUrl.Redact(url));
    }
}
