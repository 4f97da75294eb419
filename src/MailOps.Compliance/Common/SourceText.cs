namespace MailOps.Compliance.Common;

/// <summary>The text of a configuration file and the name it is reported under in errors (usually its path).</summary>
public sealed record SourceText(string Name, string Text);
