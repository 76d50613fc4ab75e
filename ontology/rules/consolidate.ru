# Rebuild the consolidated graph: facts no single document states, derived from all document graphs.
#
# Two things: the attested interval of every post holding and fractie membership, from the
# earliest to the latest date of the documents it was derived from; and, for every council meeting
# and act that documents mention together, a pg:CoMention with the number of such documents. Run it
# after loading or replacing any document graph; it drops and rewrites the whole graph, so it is
# idempotent and never needs to know what changed. Uses explicit GRAPH patterns, so it works whether
# or not the store treats the default graph as the union.

PREFIX pg:      <https://w3id.org/parlgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli:     <http://data.europa.eu/eli/ontology#>
PREFIX org:     <http://www.w3.org/ns/org#>
PREFIX prov:    <http://www.w3.org/ns/prov#>
PREFIX time:    <http://www.w3.org/2006/time#>

DROP SILENT GRAPH <https://w3id.org/parlgraph/graph/consolidated> ;

INSERT {
    GRAPH <https://w3id.org/parlgraph/graph/consolidated> {
        ?membership org:memberDuring ?during .
        ?during a time:Interval ;
                time:hasBeginning ?begin ;
                time:hasEnd ?end .
        ?begin a time:Instant ; time:inXSDDate ?first .
        ?end a time:Instant ; time:inXSDDate ?last .
    }
}
WHERE {
    {
        SELECT ?membership (MIN(?date) AS ?first) (MAX(?date) AS ?last)
        WHERE {
            VALUES ?class { pg:PostHolding pg:FractieMembership }
            GRAPH ?g { ?membership a ?class ; prov:wasDerivedFrom ?document . }
            GRAPH ?h { ?document a pg:SourceDocument ; dcterms:date ?date . }
        }
        GROUP BY ?membership
    }
    BIND (IRI(CONCAT(STR(?membership), "#during")) AS ?during)
    BIND (IRI(CONCAT(STR(?membership), "#begin")) AS ?begin)
    BIND (IRI(CONCAT(STR(?membership), "#end")) AS ?end)
} ;

INSERT {
    GRAPH <https://w3id.org/parlgraph/graph/consolidated> {
        ?coMention a pg:CoMention ;
                   pg:meeting ?meeting ;
                   pg:act ?act ;
                   pg:documentCount ?documents .
    }
}
WHERE {
    {
        # Within one graph: a document's mentions, and the types of what it mentions, are in its own.
        SELECT ?meeting ?act (COUNT(DISTINCT ?document) AS ?documents)
        WHERE {
            GRAPH ?g {
                ?meeting a pg:Meeting .
                ?document pg:mentions ?meeting .
                ?document a pg:SourceDocument ;
                          pg:mentions ?act .
                ?act a eli:LegalResource .
            }
        }
        GROUP BY ?meeting ?act
    }
    # Act IRIs are <base>act/<key>: the key names the act under its meeting.
    BIND (IRI(CONCAT(STR(?meeting), "/act/", STRAFTER(STR(?act), "/act/"))) AS ?coMention)
}
