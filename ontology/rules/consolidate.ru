# Rebuild the consolidated graph: facts no single document states, derived from all document graphs.
#
# Here: the attested interval of every post holding and fractie membership, from the earliest to
# the latest date of the documents it was derived from. co-mentions.rq then adds a pg:CoMention for
# every council meeting and act that documents mention together. Run both after loading or
# replacing any document graph; this drops and rewrites the whole graph, so it is idempotent and
# never needs to know what changed. Uses explicit GRAPH patterns, so it works whether or not the
# store treats the default graph as the union.
#
# The operations are separated by lines holding only ";": parlgraph runs each as a transaction of
# its own, which holds less in memory at once.

PREFIX pg:      <https://w3id.org/parlgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org:     <http://www.w3.org/ns/org#>
PREFIX prov:    <http://www.w3.org/ns/prov#>
PREFIX time:    <http://www.w3.org/2006/time#>

DROP SILENT GRAPH <https://w3id.org/parlgraph/graph/consolidated>
;
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
}
