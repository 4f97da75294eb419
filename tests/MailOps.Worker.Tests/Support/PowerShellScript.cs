using System.Management.Automation.Language;

namespace MailOps.Worker.Tests.Support;

/// <summary>
/// A PowerShell script read by PowerShell's own parser (System.Management.Automation), which checks syntax without
/// running anything: its parse errors, and every command it calls with the parameters named.
/// </summary>
internal sealed class PowerShellScript
{
    private PowerShellScript(ScriptBlockAst ast, IReadOnlyList<ParseError> errors)
    {
        Ast = ast;
        Errors = errors;
    }

    public ScriptBlockAst Ast { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    public static PowerShellScript Parse(string text)
    {
        var ast = Parser.ParseInput(text, out _, out var errors);
        return new PowerShellScript(ast, errors);
    }

    /// <summary>Each command called, as <c>(name, parameters)</c>, in the order they appear.</summary>
    public IReadOnlyList<(string Command, IReadOnlyList<string> Parameters)> Commands =>
        [.. Ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true)
            .Cast<CommandAst>()
            .Select(c => (c.GetCommandName() ?? "", (IReadOnlyList<string>)[.. c.CommandElements.OfType<CommandParameterAst>().Select(p => p.ParameterName)]))];

    /// <summary>The value of the string assigned to <c>$variable</c> (the first such assignment), as PowerShell reads it.</summary>
    public string? StringAssignedTo(string variable) =>
        Ast.FindAll(a => a is AssignmentStatementAst, searchNestedScriptBlocks: true)
            .Cast<AssignmentStatementAst>()
            .Where(a => a.Left is VariableExpressionAst v && string.Equals(v.VariablePath.UserPath, variable, StringComparison.OrdinalIgnoreCase))
            .Select(a => (a.Right as CommandExpressionAst)?.Expression)
            .OfType<StringConstantExpressionAst>()
            .Select(s => s.Value)
            .FirstOrDefault();

    /// <summary>The strings of the array assigned to <c>$variable</c> with <c>@( … )</c>.</summary>
    public IReadOnlyList<string> ArrayAssignedTo(string variable) =>
        [.. Ast.FindAll(a => a is AssignmentStatementAst, searchNestedScriptBlocks: true)
            .Cast<AssignmentStatementAst>()
            .Where(a => a.Left is VariableExpressionAst v && string.Equals(v.VariablePath.UserPath, variable, StringComparison.OrdinalIgnoreCase))
            .SelectMany(a => a.Right.FindAll(x => x is StringConstantExpressionAst, searchNestedScriptBlocks: false))
            .Cast<StringConstantExpressionAst>()
            .Select(s => s.Value)];

    /// <summary>The string arguments given to <paramref name="parameter"/> of <paramref name="command"/>, wherever it is called.</summary>
    public IReadOnlyList<string> ArgumentsOf(string command, string parameter) =>
        [.. Ast.FindAll(a => a is CommandAst c && string.Equals(c.GetCommandName(), command, StringComparison.OrdinalIgnoreCase), searchNestedScriptBlocks: true)
            .Cast<CommandAst>()
            .SelectMany(c => c.CommandElements.Zip(c.CommandElements.Skip(1)))
            .Where(pair => pair.First is CommandParameterAst p && string.Equals(p.ParameterName, parameter, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Second)
            .OfType<StringConstantExpressionAst>()
            .Select(s => s.Value)];
}
