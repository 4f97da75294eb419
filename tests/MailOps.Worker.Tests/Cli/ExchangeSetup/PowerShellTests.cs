using System.Text;
using MailOps.Worker.Cli.ExchangeSetup;
using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Cli.ExchangeSetup;

public sealed class PowerShellTests
{
    [Theory]
    [InlineData("a carriage return", "呼叫中心\rRemove-Item C:\\ -Recurse")]
    [InlineData("a line feed", "呼叫中心\nRemove-Item C:\\ -Recurse")]
    [InlineData("a line separator", "呼叫中心\u2028Remove-Item C:\\ -Recurse")]
    [InlineData("a next line", "呼叫中心\u0085Remove-Item C:\\ -Recurse")]
    public void Comment_TextThatEndsALine_StaysAComment(string edge, string text)
    {
        var script = new StringBuilder();

        PowerShell.Comment(script, text);

        PowerShellScript.Parse(script.ToString()).Commands.Should().BeEmpty($"{edge} must not end the comment and run what follows");
    }
}
