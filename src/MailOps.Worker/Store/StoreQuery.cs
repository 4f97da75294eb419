using LiteDB;

namespace MailOps.Worker.Store;

/// <summary>
/// The store's lookups by value, with the values as parameters. LiteDB compiles each expression text it is given and
/// keeps it for the life of the process (a static cache, never emptied), and its <c>Query</c> helpers write the values
/// into the text: every lookup by a new page of ids kept one more compiled expression with its values, which grew a
/// worker by hundreds of megabytes over a large store (797 MiB against 409 after a restart over 50,000 files). With parameters the texts are the same few, compiled once, and
/// LiteDB still answers them through the index (its plan reads <c>INDEX SEEK</c>). Use these, never <c>Query.In</c>,
/// <c>Query.EQ</c> and the like with a value.
/// </summary>
internal static class StoreQuery
{
    /// <summary>Documents whose <paramref name="field"/> is one of <paramref name="values"/>.</summary>
    public static BsonExpression In(string field, IEnumerable<string> values) =>
        BsonExpression.Create($"$.{field} IN @0", new BsonArray(values.Distinct(StringComparer.Ordinal).Select(v => new BsonValue(v))));

    /// <summary>Documents whose <paramref name="field"/> is <paramref name="value"/>.</summary>
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary>Documents whose two fields are these two values.</summary>
    public static BsonExpression Equal(string field, BsonValue value, string other, BsonValue otherValue) =>
        BsonExpression.Create($"$.{field} = @0 AND $.{other} = @1", value, otherValue);

    /// <summary>
    /// Documents whose <paramref name="field"/> is at least <paramref name="value"/>. Not joined with OR to another
    /// condition: LiteDB answers an OR by reading every document.
    /// </summary>
    public static BsonExpression AtLeast(string field, BsonValue value) => BsonExpression.Create($"$.{field} >= @0", value);

    /// <summary>
    /// Documents whose <paramref name="field"/> may start with <paramref name="prefix"/>: LIKE, through the index, where
    /// <c>_</c> and <c>%</c> in the prefix are wildcards (and letter case is not compared); the caller keeps only what
    /// starts with it exactly.
    /// </summary>
    public static BsonExpression MayStartWith(string field, string prefix) => BsonExpression.Create($"$.{field} LIKE @0", prefix + "%");
}
