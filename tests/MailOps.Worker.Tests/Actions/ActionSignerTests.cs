using System.Text;
using MailOps.Worker.Actions;

namespace MailOps.Worker.Tests.Actions;

/// <summary>
/// A token allows one action on one held message until it expires, and nothing else: altered in any byte, checked
/// against another message, another action or another key, or late, it is refused; the signature is checked first.
/// </summary>
public sealed class ActionSignerTests
{
    private static readonly ActionSigner Signer = new(Encoding.UTF8.GetBytes("a-test-signing-key-of-32-bytes-or-more!!"));
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly ActionGrant Place = new(MailActionKind.Place, "AAMkAGI2TG93AAA=", "callcenter-daily/callcenter/event:2026-11@wuxi#3", Now.AddDays(7));

    [Fact]
    public void Check_TheTokenSignedForTheMessageAndAction_IsValidUntilItsExpiryInclusive()
    {
        var token = ActionSigner.Read(Signer.Sign(Place))!;

        (token.Kind, token.ObligationKey, token.Reference).Should().Be((MailActionKind.Place, Place.ObligationKey, ActionSigner.Reference(Place.MessageId)));
        Signer.Check(token, MailActionKind.Place, Place.MessageId, Now).Should().Be(TokenVerdict.Valid);
        Signer.Check(token, MailActionKind.Place, Place.MessageId, Place.Expires).Should().Be(TokenVerdict.Valid, "the expiry is inclusive");
    }

    [Fact]
    public void Check_AfterItsExpiry_IsExpired()
    {
        var token = ActionSigner.Read(Signer.Sign(Place))!;

        Signer.Check(token, MailActionKind.Place, Place.MessageId, Place.Expires.AddSeconds(1)).Should().Be(TokenVerdict.Expired);
    }

    [Fact]
    public void Check_ASubjectAskingAnotherAction_IsTheWrongAction()
    {
        var token = ActionSigner.Read(Signer.Sign(Place with { Kind = MailActionKind.Dismiss, ObligationKey = null }))!;

        Signer.Check(token, MailActionKind.Accept, Place.MessageId, Now).Should().Be(TokenVerdict.WrongAction);
    }

    [Fact]
    public void Check_AgainstAnotherMessage_IsABadSignature()
    {
        var token = ActionSigner.Read(Signer.Sign(Place))!;

        Signer.Check(token, MailActionKind.Place, "AAMkAGI2TG94AAA=", Now).Should().Be(TokenVerdict.BadSignature);
    }

    [Fact]
    public void Check_SignedWithAnotherKey_IsABadSignature()
    {
        var other = new ActionSigner(Encoding.UTF8.GetBytes("another-signing-key-of-32-bytes-or-more"));

        other.Check(ActionSigner.Read(Signer.Sign(Place))!, MailActionKind.Place, Place.MessageId, Now).Should().Be(TokenVerdict.BadSignature);
    }

    [Fact]
    public void Check_AnyByteOfThePayloadOrMacAltered_IsRefused()
    {
        var signed = Signer.Sign(Place);
        for (var i = 0; i < signed.Length; i++)
        {
            if (signed[i] == '.')
            {
                continue;
            }

            var altered = signed[..i] + (signed[i] == 'A' ? 'B' : 'A') + signed[(i + 1)..];
            var verdict = ActionSigner.Read(altered) is { } read ? Signer.Check(read, read.Kind, Place.MessageId, Now) : (TokenVerdict?)null;
            verdict.Should().NotBe(TokenVerdict.Valid, "character {0} of {1} was altered", i, signed);
        }
    }

    [Fact]
    public void Check_ALaterExpiryWrittenIn_IsABadSignature()
    {
        var token = ActionSigner.Read(Signer.Sign(Place))!;

        Signer.Check(token with { Expires = token.Expires.AddDays(30) }, MailActionKind.Place, Place.MessageId, Now).Should().Be(TokenVerdict.BadSignature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("abc.def.ghi")]
    [InlineData("AAAA.AAAA")]
    [InlineData("!!!!.????")]
    public void Read_WhatIsNoToken_IsNull(string text)
    {
        ActionSigner.Read(text).Should().BeNull();
    }

    [Fact]
    public void Sign_APlacementWithItsKey_KeepsTheSubjectShort()
    {
        ActionMail.Subject(MailActionKind.Place, Signer.Sign(Place with { ObligationKey = "callcenter-daily/callcenter/2026-11-23" })).Length.Should().BeLessThan(120);
    }
}
