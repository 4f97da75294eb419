namespace MailOps.Compliance.Common;

/// <summary>A text in Chinese (the default language of every mail and report) and English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public override string ToString() => Zh;
}
