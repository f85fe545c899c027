using Inspection.Contracts.Documents;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Inspection.Silo.Tests.Documents;

/// <summary>Cases keep <see cref="DocumentRef"/>s in grain state and pass refusals between grains: both must survive Orleans' serializer.</summary>
public sealed class DocumentContractsTests
{
    [Fact]
    public void A_document_reference_and_a_refusal_survive_serialization()
    {
        using var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(DocumentRef).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var document = new DocumentRef(new string('a', 64), 1234, "application/pdf", "bien-ban.pdf", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7)));
        var refusal = new DocumentRefusal(DocumentRefusalCodes.TypeMismatch, "The content is a PNG image, but the name's extension '.pdf' says a PDF.");

        Assert.Equal(document, serializer.Deserialize<DocumentRef>(serializer.SerializeToArray(document)));
        Assert.Equal(refusal, serializer.Deserialize<DocumentRefusal>(serializer.SerializeToArray(refusal)));
    }
}
