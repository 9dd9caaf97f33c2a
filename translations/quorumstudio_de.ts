<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>main</name>
        <message>
            <source>Design, generate, run and watch highly available Kubernetes-style clusters.</source>
            <translation>Hochverfügbare Cluster im Kubernetes-Stil entwerfen, erzeugen, ausführen und beobachten.</translation>
        </message>
        <message>
            <source>Topology YAML file to open (default: the production-ha template).</source>
            <translation>Zu öffnende Topologie-YAML-Datei (Standard: die Vorlage production-ha).</translation>
        </message>
        <message>
            <source>Save a PNG of the main window to &lt;path&gt;, print its absolute path and quit.</source>
            <translation>Ein PNG des Hauptfensters unter &lt;path&gt; speichern, den absoluten Pfad ausgeben und beenden.</translation>
        </message>
        <message>
            <source>Use the language &lt;code&gt; (e.g. de) instead of the system's.</source>
            <translation>Die Sprache &lt;code&gt; (z. B. de) statt der des Systems verwenden.</translation>
        </message>
        <message>
            <source>Select the element &lt;id&gt; (e.g. node/cp-1) and show it, as a click on one of its findings would.</source>
            <translation>Das Element &lt;id&gt; (z. B. node/cp-1) auswählen und zeigen, wie es ein Klick auf einen seiner Befunde täte.</translation>
        </message>
        <message>
            <source>Quorum Studio</source>
            <translation>Quorum Studio</translation>
        </message>
        <message>
            <source>Print the milliseconds from process start to the first painted diagram, then quit.</source>
            <translation>Die Millisekunden vom Prozessstart bis zum ersten gezeichneten Diagramm ausgeben, dann beenden.</translation>
        </message>
        <message>
            <source>Start the design running in the cluster engine at &lt;speed&gt; (e.g. 10).</source>
            <translation>Den Entwurf in der Cluster-Engine mit &lt;speed&gt; starten (z. B. 10).</translation>
        </message>
        <message>
            <source>Wait &lt;ms&gt; before the screenshot (default 300; 3000 with --run).</source>
            <translation>Vor dem Bildschirmfoto &lt;ms&gt; warten (Standard 300; 3000 mit --run).</translation>
        </message>
        <message>
            <source>With --run: kill the node of the etcd leader after &lt;ms&gt; of wall time (a drill).</source>
            <translation>Mit --run: den Knoten des etcd-Leaders nach &lt;ms&gt; Echtzeit abschalten (eine Übung).</translation>
        </message>
        <message>
            <source>Start the drill of the shipped scenario &lt;name&gt; (e.g. kill-etcd-leader); with --run it plays.</source>
            <translation>Die Übung des mitgelieferten Szenarios &lt;name&gt; starten (z. B. kill-etcd-leader); mit --run läuft sie ab.</translation>
        </message>
        <message>
            <source>With --run: after &lt;ms&gt; of wall time, replay the run just recorded, scrubbed to its middle.</source>
            <translation>Mit --run: nach &lt;ms&gt; Echtzeit den eben aufgezeichneten Lauf wiedergeben, auf seine Mitte gestellt.</translation>
        </message>
    </context>
    <context>
        <name>quorum::model::FindingsChecker</name>
        <message>
            <source>Zone '%1' is not defined in spec.zones.</source>
            <translation>Die Zone „%1“ ist in spec.zones nicht definiert.</translation>
        </message>
        <message>
            <source>Host '%1' is not a node of this design.</source>
            <translation>Der Host „%1“ ist kein Knoten dieses Entwurfs.</translation>
        </message>
        <message>
            <source>Target '%1' is neither a node nor a workload of this design.</source>
            <translation>Das Ziel „%1“ ist weder ein Knoten noch ein Workload dieses Entwurfs.</translation>
        </message>
        <message>
            <source>Storage node '%1' is not a node of this design.</source>
            <translation>Der Speicherknoten „%1“ ist kein Knoten dieses Entwurfs.</translation>
        </message>
        <message>
            <source>Storage backend '%1' is not defined in spec.storage.backends.</source>
            <translation>Das Speicher-Backend „%1“ ist in spec.storage.backends nicht definiert.</translation>
        </message>
        <message>
            <source>%1 storage classes are marked default; Kubernetes then picks the newest, so mark only one.</source>
            <translation>%1 Speicherklassen sind als Standard markiert; Kubernetes nimmt dann die neueste, markieren Sie also nur eine.</translation>
        </message>
        <message>
            <source>No node runs etcd: the control plane has nowhere to keep cluster state. Run etcd on 3 nodes.</source>
            <translation>Kein Knoten führt etcd aus: Die Control Plane kann den Clusterzustand nirgends ablegen. Führen Sie etcd auf 3 Knoten aus.</translation>
        </message>
        <message>
            <source>1 etcd member: quorum is 1, so this tolerates 0 failures. Use 3 members to tolerate 1.</source>
            <translation>1 etcd-Mitglied: Das Quorum ist 1, also werden 0 Ausfälle toleriert. Mit 3 Mitgliedern wird 1 Ausfall toleriert.</translation>
        </message>
        <message>
            <source>%1 etcd members: quorum is %2, so this tolerates %3 failures, the same as a cluster one member smaller. An even count adds a vote to every write and no tolerance; use %4.</source>
            <translation>%1 etcd-Mitglieder: Das Quorum ist %2, also werden %3 Ausfälle toleriert, so viele wie bei einem Mitglied weniger. Eine gerade Anzahl fügt jedem Schreibvorgang eine Stimme hinzu, aber keine Toleranz; verwenden Sie %4.</translation>
        </message>
        <message>
            <source>%1 etcd members: quorum is %2, so this tolerates %3 failures, but every write waits for %2 members. More than 7 members costs Raft traffic for little gain; use 5 or 7.</source>
            <translation>%1 etcd-Mitglieder: Das Quorum ist %2, also werden %3 Ausfälle toleriert, aber jeder Schreibvorgang wartet auf %2 Mitglieder. Mehr als 7 Mitglieder kosten Raft-Verkehr bei wenig Gewinn; verwenden Sie 5 oder 7.</translation>
        </message>
        <message>
            <source>%1 etcd members: quorum is %2, so this tolerates the loss of %3 of them.</source>
            <translation>%1 etcd-Mitglieder: Das Quorum ist %2, also wird der Verlust von %3 davon toleriert.</translation>
        </message>
        <message>
            <source>Stacked etcd: each control-plane node also runs an etcd member, so losing a control-plane node loses an etcd member too. External etcd separates these failure domains at the cost of %1 more machines.</source>
            <translation>Gestapeltes etcd: Jeder Control-Plane-Knoten führt auch ein etcd-Mitglied aus, der Verlust eines Control-Plane-Knotens kostet also auch ein etcd-Mitglied. Externes etcd trennt diese Fehlerdomänen, kostet aber %1 weitere Maschinen.</translation>
        </message>
        <message>
            <source>No node runs kube-apiserver: nothing can read or change the cluster. Add 3 control-plane nodes.</source>
            <translation>Kein Knoten führt kube-apiserver aus: Nichts kann den Cluster lesen oder ändern. Fügen Sie 3 Control-Plane-Knoten hinzu.</translation>
        </message>
        <message>
            <source>Only 1 control-plane node: losing it stops the API server, the scheduler and the controllers. Use at least 3 control-plane nodes.</source>
            <translation>Nur 1 Control-Plane-Knoten: Fällt er aus, stehen API-Server, Scheduler und Controller still. Verwenden Sie mindestens 3 Control-Plane-Knoten.</translation>
        </message>
        <message>
            <source>2 control-plane nodes: the API stays up when one fails, but stacked etcd on 2 nodes has no failure tolerance and upgrades leave a single node. Use at least 3 control-plane nodes.</source>
            <translation>2 Control-Plane-Knoten: Die API bleibt erreichbar, wenn einer ausfällt, aber gestapeltes etcd auf 2 Knoten toleriert keinen Ausfall, und bei Upgrades bleibt ein einzelner Knoten. Verwenden Sie mindestens 3 Control-Plane-Knoten.</translation>
        </message>
        <message>
            <source>No node runs kube-controller-manager: Deployments, node health and evictions would stop.</source>
            <translation>Kein Knoten führt kube-controller-manager aus: Deployments, Knotenüberwachung und Räumungen stünden still.</translation>
        </message>
        <message>
            <source>No node runs kube-scheduler: new pods would stay Pending.</source>
            <translation>Kein Knoten führt kube-scheduler aus: Neue Pods blieben im Zustand Pending.</translation>
        </message>
        <message>
            <source>The design has no zones: nothing says which nodes fail together. Group nodes into zones (failure domains) so the checks can tell whether losing one keeps quorum.</source>
            <translation>Der Entwurf hat keine Zonen: Nichts sagt, welche Knoten gemeinsam ausfallen. Gruppieren Sie Knoten in Zonen (Fehlerdomänen), damit die Prüfungen erkennen, ob der Verlust einer Zone das Quorum erhält.</translation>
        </message>
        <message>
            <source>%1 of %2 etcd members are in %3: losing that zone leaves %4, below the quorum of %5. Spread the members so that no zone holds more than %6.</source>
            <translation>%1 von %2 etcd-Mitgliedern liegen in %3: Fällt diese Zone aus, bleiben %4, weniger als das Quorum von %5. Verteilen Sie die Mitglieder so, dass keine Zone mehr als %6 enthält.</translation>
        </message>
        <message>
            <source>All %1 API servers are in %2: losing that zone takes the whole API down. Put control-plane nodes in at least 3 zones.</source>
            <translation>Alle %1 API-Server liegen in %2: Fällt diese Zone aus, ist die ganze API weg. Verteilen Sie Control-Plane-Knoten auf mindestens 3 Zonen.</translation>
        </message>
        <message>
            <source>%1 API servers but no load balancer in front of them: kubectl, kubelets and controllers need one address that survives an API server failure. Add a load balancer that targets them.</source>
            <translation>%1 API-Server, aber kein Load Balancer davor: kubectl, Kubelets und Controller brauchen eine Adresse, die den Ausfall eines API-Servers übersteht. Fügen Sie einen Load Balancer hinzu, der sie ansteuert.</translation>
        </message>
        <message>
            <source>%1 reaches %2 of %3 API servers; %4 get no traffic and are not checked.</source>
            <translation>%1 erreicht %2 von %3 API-Servern; %4 erhalten keinen Verkehr und werden nicht geprüft.</translation>
        </message>
        <message>
            <source>%1 has no host nodes: say which nodes run it, and use two of them.</source>
            <translation>%1 hat keine Host-Knoten: Geben Sie an, welche Knoten ihn ausführen, und verwenden Sie zwei.</translation>
        </message>
        <message>
            <source>%1 runs on one host (%2): it is a single point of failure. Run it on two hosts that share a keepalived VIP.</source>
            <translation>%1 läuft auf einem Host (%2): Das ist ein Single Point of Failure. Betreiben Sie ihn auf zwei Hosts mit einer gemeinsamen keepalived-VIP.</translation>
        </message>
        <message>
            <source>%1 runs on %2 hosts but has no VIP: clients still point at one host's address. Add a keepalived VIP that moves to the backup.</source>
            <translation>%1 läuft auf %2 Hosts, hat aber keine VIP: Clients zeigen weiter auf die Adresse eines Hosts. Fügen Sie eine keepalived-VIP hinzu, die zum Backup wandert.</translation>
        </message>
        <message>
            <source>All hosts of %1 are in %2: losing that zone loses the load balancer.</source>
            <translation>Alle Hosts von %1 liegen in %2: Fällt diese Zone aus, ist der Load Balancer weg.</translation>
        </message>
        <message>
            <source>%1 has a Service but no readiness probe: traffic reaches pods before they are ready and after they stop answering.</source>
            <translation>%1 hat einen Service, aber keine Readiness-Probe: Verkehr erreicht Pods, bevor sie bereit sind und nachdem sie nicht mehr antworten.</translation>
        </message>
        <message>
            <source>%1 has no liveness probe: a hung container is never restarted.</source>
            <translation>%1 hat keine Liveness-Probe: Ein hängender Container wird nie neu gestartet.</translation>
        </message>
        <message>
            <source>%1 has a single replica: any node failure or rollout interrupts it.</source>
            <translation>%1 hat nur ein Replikat: Jeder Knotenausfall und jedes Rollout unterbricht es.</translation>
        </message>
        <message>
            <source>%1 has no PodDisruptionBudget (minAvailable): a node drain may evict every replica at once.</source>
            <translation>%1 hat kein PodDisruptionBudget (minAvailable): Ein Drain eines Knotens kann alle Replikate zugleich räumen.</translation>
        </message>
        <message>
            <source>%1 requires %2 of %3 replicas available: node drains can never evict one. Use at most %4.</source>
            <translation>%1 verlangt %2 von %3 verfügbaren Replikaten: Ein Drain kann nie eines räumen. Verwenden Sie höchstens %4.</translation>
        </message>
        <message>
            <source>%1 has a Service of type LoadBalancer, but the design has no cloud or MetalLB load balancer to give it an address.</source>
            <translation>%1 hat einen Service vom Typ LoadBalancer, aber der Entwurf hat keinen Cloud- oder MetalLB-Load-Balancer, der ihm eine Adresse gibt.</translation>
        </message>
        <message>
            <source>%1 has an Ingress, but the design has no ingress controller to serve it.</source>
            <translation>%1 hat ein Ingress, aber der Entwurf hat keinen Ingress-Controller, der es bedient.</translation>
        </message>
        <message>
            <source>The Ingress of %1 names TLS secret '%2', which is not defined in spec.secrets.</source>
            <translation>Das Ingress von %1 nennt das TLS-Secret „%2“, das in spec.secrets nicht definiert ist.</translation>
        </message>
        <message>
            <source>No node can run %1: check its node selector, tolerations and resource requests (%2 CPU, %3 memory per pod).</source>
            <translation>Kein Knoten kann %1 ausführen: Prüfen Sie Node-Selector, Tolerations und Ressourcenanforderungen (%2 CPU, %3 Speicher je Pod).</translation>
        </message>
        <message>
            <source>%1 asks for %2 replicas with required anti-affinity, but only %3 nodes can hold it: %4 replicas would stay Pending.</source>
            <translation>%1 verlangt %2 Replikate mit verpflichtender Anti-Affinität, aber nur %3 Knoten können es aufnehmen: %4 Replikate blieben im Zustand Pending.</translation>
        </message>
        <message>
            <source>%1 asks for %2 replicas, but the nodes that can run it have room for %3 by their resource requests.</source>
            <translation>%1 verlangt %2 Replikate, aber die Knoten, die es ausführen können, haben nach den Ressourcenanforderungen Platz für %3.</translation>
        </message>
        <message>
            <source>%1 runs %2 replicas on %3 nodes: some nodes hold several replicas, so losing one node loses more than one replica.</source>
            <translation>%1 betreibt %2 Replikate auf %3 Knoten: Manche Knoten tragen mehrere Replikate, der Verlust eines Knotens kostet also mehr als ein Replikat.</translation>
        </message>
        <message>
            <source>Every node that can run %1 is in %2: losing that zone loses all %3 replicas.</source>
            <translation>Jeder Knoten, der %1 ausführen kann, liegt in %2: Fällt diese Zone aus, sind alle %3 Replikate weg.</translation>
        </message>
        <message>
            <source>%1 does not spread across zones: its %2 replicas may all land in one zone. Set placement.spreadZones.</source>
            <translation>%1 verteilt sich nicht über Zonen: Seine %2 Replikate können alle in einer Zone landen. Setzen Sie placement.spreadZones.</translation>
        </message>
        <message>
            <source>Volume claim '%1' of %2 names no storage class and the design has no default class: the claim would stay Pending.</source>
            <translation>Der Volume Claim „%1“ von %2 nennt keine Speicherklasse, und der Entwurf hat keine Standardklasse: Der Claim bliebe im Zustand Pending.</translation>
        </message>
        <message>
            <source>Volume claim '%1' of %2 uses storage class '%3', which is not defined.</source>
            <translation>Der Volume Claim „%1“ von %2 verwendet die Speicherklasse „%3“, die nicht definiert ist.</translation>
        </message>
        <message>
            <source>%1 keeps claim '%2' on node-local storage (%3): a replica's data dies with its node. Use storage that survives a node (Ceph, NFS, Longhorn or cloud block).</source>
            <translation>%1 legt den Claim „%2“ auf knotenlokalen Speicher (%3): Die Daten eines Replikats gehen mit seinem Knoten verloren. Verwenden Sie Speicher, der einen Knoten überlebt (Ceph, NFS, Longhorn oder Cloud-Blockspeicher).</translation>
        </message>
        <message>
            <source>%1 is a Deployment whose %2 replicas share ReadWriteOnce claim '%3': only pods on one node can mount it. Use a StatefulSet for one volume per replica.</source>
            <translation>%1 ist ein Deployment, dessen %2 Replikate sich den ReadWriteOnce-Claim „%3“ teilen: Nur Pods auf einem Knoten können ihn einhängen. Verwenden Sie ein StatefulSet für ein Volume je Replikat.</translation>
        </message>
        <message>
            <source>Variable %1 of %2 reads secret '%3', which is not defined in spec.secrets.</source>
            <translation>Die Variable %1 von %2 liest das Secret „%3“, das in spec.secrets nicht definiert ist.</translation>
        </message>
        <message>
            <source>Variable %1 of %2 reads key '%3' of secret '%4', which has no such key.</source>
            <translation>Die Variable %1 von %2 liest den Schlüssel „%3“ des Secrets „%4“, das keinen solchen Schlüssel hat.</translation>
        </message>
        <message>
            <source>Variable %1 of %2 holds a secret in plain text: generated manifests would carry it. Move it to a Secret and use secretKeyRef.</source>
            <translation>Die Variable %1 von %2 enthält ein Geheimnis im Klartext: Erzeugte Manifeste würden es enthalten. Legen Sie es in ein Secret und verwenden Sie secretKeyRef.</translation>
        </message>
        <message>
            <source>Workloads request %1 CPU in all, but the nodes that run them offer %2.</source>
            <translation>Die Workloads fordern insgesamt %1 CPU an, aber die Knoten, die sie ausführen, bieten %2.</translation>
        </message>
        <message>
            <source>Workloads request %1 memory in all, but the nodes that run them offer %2.</source>
            <translation>Die Workloads fordern insgesamt %1 Speicher an, aber die Knoten, die sie ausführen, bieten %2.</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::ArtifactsPanel</name>
        <message>
            <source>&amp;Kubernetes:</source>
            <translation>&amp;Kubernetes:</translation>
        </message>
        <message>
            <source>The Kubernetes version the configuration is generated for</source>
            <translation>Die Kubernetes-Version, für die die Konfiguration erzeugt wird</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>Write every file into a folder</source>
            <translation>Alle Dateien in einen Ordner schreiben</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Since export</source>
            <translation>Seit Export</translation>
        </message>
        <message>
            <source>Generated files</source>
            <translation>Erzeugte Dateien</translation>
        </message>
        <message>
            <source>Generator notes</source>
            <translation>Hinweise des Generators</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Changes since last export</source>
            <translation>Änderungen seit dem letzten Export</translation>
        </message>
        <message>
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>geändert</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>entfernt</translation>
        </message>
        <message>
            <source>%1 is no longer generated; it is only in the export folder.</source>
            <translation>%1 wird nicht mehr erzeugt; die Datei liegt nur noch im Exportordner.</translation>
        </message>
        <message>
            <source>Changes since last export (%1)</source>
            <translation>Änderungen seit dem letzten Export (%1)</translation>
        </message>
        <message>
            <source>Nothing has been exported yet. After an export, the changes made to the design since then are shown here as a unified diff.</source>
            <translation>Es wurde noch nichts exportiert. Nach einem Export erscheinen hier die seitdem vorgenommenen Änderungen am Entwurf als Unified Diff.</translation>
        </message>
        <message>
            <source>No changes since the last export to %1.</source>
            <translation>Keine Änderungen seit dem letzten Export nach %1.</translation>
        </message>
        <message>
            <source>Nothing generated.</source>
            <translation>Nichts erzeugt.</translation>
        </message>
        <message>
            <source>Files: %1 · not exported yet</source>
            <translation>Dateien: %1 · noch nicht exportiert</translation>
        </message>
        <message>
            <source>Files: %1 · compared with %2</source>
            <translation>Dateien: %1 · verglichen mit %2</translation>
        </message>
        <message>
            <source>There is nothing to export.</source>
            <translation>Es gibt nichts zu exportieren.</translation>
        </message>
        <message>
            <source>Export Artifacts</source>
            <translation>Artefakte exportieren</translation>
        </message>
        <message>
            <source>The artifacts could not be exported to %1.</source>
            <translation>Die Artefakte konnten nicht nach %1 exportiert werden.</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::DiagramContent</name>
        <message>
            <source>Untitled design</source>
            <translation>Unbenannter Entwurf</translation>
        </message>
        <message>
            <source>No description</source>
            <translation>Keine Beschreibung</translation>
        </message>
        <message>
            <source>Kubernetes %1</source>
            <translation>Kubernetes %1</translation>
        </message>
        <message>
            <source>Stacked etcd</source>
            <translation>Gestapeltes etcd</translation>
        </message>
        <message>
            <source>External etcd</source>
            <translation>Externes etcd</translation>
        </message>
        <message>
            <source>Production profile</source>
            <translation>Produktionsprofil</translation>
        </message>
        <message>
            <source>Development profile</source>
            <translation>Entwicklungsprofil</translation>
        </message>
        <message>
            <source>Cluster %1</source>
            <translation>Cluster %1</translation>
        </message>
        <message>
            <source>No Kubernetes components</source>
            <translation>Keine Kubernetes-Komponenten</translation>
        </message>
        <message>
            <source>Hosts %1</source>
            <translation>Hostet %1</translation>
        </message>
        <message>
            <source>Capacity not given</source>
            <translation>Kapazität nicht angegeben</translation>
        </message>
        <message>
            <source>Node %1 (%2)</source>
            <translation>Knoten %1 (%2)</translation>
        </message>
        <message>
            <source>Runs: %1</source>
            <translation>Führt aus: %1</translation>
        </message>
        <message>
            <source>Port %1, no VIP</source>
            <translation>Port %1, keine VIP</translation>
        </message>
        <message>
            <source>VIP %1:%2</source>
            <translation>VIP %1:%2</translation>
        </message>
        <message>
            <source>%1 to port %2</source>
            <translation>%1 an Port %2</translation>
        </message>
        <message>
            <source>Load balancer %1 (%2)</source>
            <translation>Load Balancer %1 (%2)</translation>
        </message>
        <message>
            <source>No endpoint</source>
            <translation>Kein Endpunkt</translation>
        </message>
        <message>
            <source>Survives node loss</source>
            <translation>Übersteht Knotenausfall</translation>
        </message>
        <message>
            <source>Lost with its node</source>
            <translation>Geht mit dem Knoten verloren</translation>
        </message>
        <message>
            <source>Storage backend %1 (%2)</source>
            <translation>Speicher-Backend %1 (%2)</translation>
        </message>
        <message>
            <source>Endpoint: %1</source>
            <translation>Endpunkt: %1</translation>
        </message>
        <message>
            <source>default</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Backend: %1</source>
            <translation>Backend: %1</translation>
        </message>
        <message>
            <source>Storage class %1</source>
            <translation>Speicherklasse %1</translation>
        </message>
        <message>
            <source>per node</source>
            <translation>je Knoten</translation>
        </message>
        <message>
            <source>×%1</source>
            <comment>replica count</comment>
            <translation>×%1</translation>
        </message>
        <message>
            <source>No image</source>
            <translation>Kein Image</translation>
        </message>
        <message>
            <source>%1 :%2</source>
            <translation>%1 :%2</translation>
        </message>
        <message>
            <source>Ingress %1</source>
            <translation>Ingress %1</translation>
        </message>
        <message>
            <source>PVC %1 %2</source>
            <translation>PVC %1 %2</translation>
        </message>
        <message>
            <source>PDB ≥%1</source>
            <translation>PDB ≥%1</translation>
        </message>
        <message>
            <source>%1 %2 in namespace %3</source>
            <translation>%1 %2 im Namespace %3</translation>
        </message>
        <message>
            <source>Volume %1 (%2) from storage class %3</source>
            <translation>Volume %1 (%2) aus Speicherklasse %3</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Zone</translation>
        </message>
        <message>
            <source>Zone in %1</source>
            <translation>Zone in %1</translation>
        </message>
        <message>
            <source>Unzoned</source>
            <translation>Ohne Zone</translation>
        </message>
        <message>
            <source>Nodes without a zone</source>
            <translation>Knoten ohne Zone</translation>
        </message>
        <message>
            <source>Load balancers</source>
            <translation>Load Balancer</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>Workloads</source>
            <translation>Workloads</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::DiagramView</name>
        <message>
            <source>Zoom &amp;In</source>
            <translation>&amp;Vergrößern</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>&amp;An Fenster anpassen</translation>
        </message>
        <message>
            <source>Ctrl+=</source>
            <translation>Ctrl+=</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Enlarge the diagram</source>
            <translation>Das Diagramm vergrößern</translation>
        </message>
        <message>
            <source>Shrink the diagram</source>
            <translation>Das Diagramm verkleinern</translation>
        </message>
        <message>
            <source>Show the whole design</source>
            <translation>Den ganzen Entwurf zeigen</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::DisplayNames</name>
        <message>
            <source>Control plane</source>
            <translation>Control Plane</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Worker</translation>
        </message>
        <message>
            <source>etcd</source>
            <translation>etcd</translation>
        </message>
        <message>
            <source>Load balancer</source>
            <translation>Load Balancer</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>apiserver</source>
            <comment>short for kube-apiserver</comment>
            <translation>apiserver</translation>
        </message>
        <message>
            <source>cm</source>
            <comment>short for kube-controller-manager</comment>
            <translation>cm</translation>
        </message>
        <message>
            <source>sched</source>
            <comment>short for kube-scheduler</comment>
            <translation>sched</translation>
        </message>
        <message>
            <source>kubelet</source>
            <translation>kubelet</translation>
        </message>
        <message>
            <source>proxy</source>
            <comment>short for kube-proxy</comment>
            <translation>proxy</translation>
        </message>
        <message>
            <source>kube-apiserver</source>
            <translation>kube-apiserver</translation>
        </message>
        <message>
            <source>kube-controller-manager</source>
            <translation>kube-controller-manager</translation>
        </message>
        <message>
            <source>kube-scheduler</source>
            <translation>kube-scheduler</translation>
        </message>
        <message>
            <source>kube-proxy</source>
            <translation>kube-proxy</translation>
        </message>
        <message>
            <source> · </source>
            <comment>separator between component names</comment>
            <translation> · </translation>
        </message>
        <message>
            <source>HAProxy</source>
            <translation>HAProxy</translation>
        </message>
        <message>
            <source>NGINX</source>
            <translation>NGINX</translation>
        </message>
        <message>
            <source>keepalived VIP</source>
            <translation>keepalived-VIP</translation>
        </message>
        <message>
            <source>Cloud load balancer</source>
            <translation>Cloud-Load-Balancer</translation>
        </message>
        <message>
            <source>MetalLB</source>
            <translation>MetalLB</translation>
        </message>
        <message>
            <source>Ingress controller</source>
            <translation>Ingress-Controller</translation>
        </message>
        <message>
            <source>NFS</source>
            <translation>NFS</translation>
        </message>
        <message>
            <source>Ceph</source>
            <translation>Ceph</translation>
        </message>
        <message>
            <source>Longhorn</source>
            <translation>Longhorn</translation>
        </message>
        <message>
            <source>Cloud block storage</source>
            <translation>Cloud-Blockspeicher</translation>
        </message>
        <message>
            <source>Node-local storage</source>
            <translation>Knotenlokaler Speicher</translation>
        </message>
        <message>
            <source>Deployment</source>
            <comment>Kubernetes kind</comment>
            <translation>Deployment</translation>
        </message>
        <message>
            <source>StatefulSet</source>
            <comment>Kubernetes kind</comment>
            <translation>StatefulSet</translation>
        </message>
        <message>
            <source>DaemonSet</source>
            <comment>Kubernetes kind</comment>
            <translation>DaemonSet</translation>
        </message>
        <message>
            <source>No service</source>
            <translation>Kein Service</translation>
        </message>
        <message>
            <source>ClusterIP</source>
            <comment>Kubernetes service type</comment>
            <translation>ClusterIP</translation>
        </message>
        <message>
            <source>NodePort</source>
            <comment>Kubernetes service type</comment>
            <translation>NodePort</translation>
        </message>
        <message>
            <source>LoadBalancer</source>
            <comment>Kubernetes service type</comment>
            <translation>LoadBalancer</translation>
        </message>
        <message>
            <source>Headless</source>
            <comment>Kubernetes service type</comment>
            <translation>Headless</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Info</source>
            <translation>Hinweis</translation>
        </message>
        <message>
            <source>%1 CPU · %2 RAM</source>
            <translation>%1 CPU · %2 RAM</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::DrillPanel</name>
        <message>
            <source>Cannot read %1.</source>
            <translation>%1 kann nicht gelesen werden.</translation>
        </message>
        <message>
            <source>%1 names no design (spec.topology).</source>
            <translation>%1 nennt kein Design (spec.topology).</translation>
        </message>
        <message>
            <source>%1: cannot read %2.</source>
            <translation>%1: %2 kann nicht gelesen werden.</translation>
        </message>
        <message>
            <source>Drill</source>
            <translation>Übung</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Szenario</translation>
        </message>
        <message>
            <source>Start &amp;Drill</source>
            <translation>Übung &amp;starten</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Shift+D</translation>
        </message>
        <message>
            <source>Load the chosen scenario's design, paused at 0 s, ready to step through</source>
            <translation>Das Design des gewählten Szenarios laden, angehalten bei 0 s, bereit zum schrittweisen Durchgehen</translation>
        </message>
        <message>
            <source>&amp;Next Drill Step</source>
            <translation>&amp;Nächster Übungsschritt</translation>
        </message>
        <message>
            <source>Run to the next step of the drill and pause there</source>
            <translation>Bis zum nächsten Schritt der Übung laufen und dort anhalten</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Pick a scenario and start the drill.</source>
            <translation>Ein Szenario wählen und die Übung starten.</translation>
        </message>
        <message>
            <source>Drill progress</source>
            <translation>Fortschritt der Übung</translation>
        </message>
        <message>
            <source>Drill steps</source>
            <translation>Schritte der Übung</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>Predicted</source>
            <translation>Vorhergesagt</translation>
        </message>
        <message>
            <source>Observed</source>
            <translation>Beobachtet</translation>
        </message>
        <message>
            <source>Step explanation</source>
            <translation>Erklärung des Schritts</translation>
        </message>
        <message>
            <source>The drill runs the design %1. Open it in place of %2? Save your design first if you want to keep its changes.</source>
            <translation>Die Übung läuft mit dem Design %1. Anstelle von %2 öffnen? Speichern Sie Ihr Design zuerst, wenn Sie seine Änderungen behalten möchten.</translation>
        </message>
        <message>
            <source>No drill is running: pick a scenario and start it.</source>
            <translation>Es läuft keine Übung: ein Szenario wählen und starten.</translation>
        </message>
        <message>
            <source>The drill is over; every step has run.</source>
            <translation>Die Übung ist vorbei; jeder Schritt ist gelaufen.</translation>
        </message>
        <message>
            <source>The run plays no drill.</source>
            <translation>Der Lauf spielt keine Übung.</translation>
        </message>
        <message>
            <source>%1 – %2</source>
            <translation>%1 – %2</translation>
        </message>
        <message>
            <source>at once</source>
            <translation>sofort</translation>
        </message>
        <message>
            <source>≤ %1</source>
            <translation>≤ %1</translation>
        </message>
        <message>
            <source>holds</source>
            <translation>gilt</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>%1 held</source>
            <translation>%1 gehalten</translation>
        </message>
        <message>
            <source>watching…</source>
            <translation>wird beobachtet…</translation>
        </message>
        <message>
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <source>Drill over · %1 of %2 expectations passed</source>
            <translation>Übung vorbei · %1 von %2 Erwartungen erfüllt</translation>
        </message>
        <message>
            <source>Step %1 of %2 · %3 passed · %4 failed</source>
            <translation>Schritt %1 von %2 · %3 erfüllt · %4 nicht erfüllt</translation>
        </message>
        <message>
            <source>Next: %1</source>
            <translation>Als Nächstes: %1</translation>
        </message>
        <message>
            <source>Prediction:</source>
            <translation>Vorhersage:</translation>
        </message>
        <message>
            <source>Observed:</source>
            <translation>Beobachtet:</translation>
        </message>
        <message>
            <source>held after %1</source>
            <translation>erfüllt nach %1</translation>
        </message>
        <message>
            <source>held over the whole window</source>
            <translation>über das ganze Fenster erfüllt</translation>
        </message>
        <message>
            <source>did not hold</source>
            <translation>nicht erfüllt</translation>
        </message>
        <message>
            <source> · steps that could not run: %1</source>
            <translation> · Schritte, die nicht laufen konnten: %1</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::EngineBridge</name>
        <message>
            <source>The embedded engine did not start; see the log.</source>
            <translation>Die eingebettete Engine ist nicht gestartet; siehe Protokoll.</translation>
        </message>
        <message>
            <source>Runs are not being recorded.</source>
            <translation>Läufe werden nicht aufgezeichnet.</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::FindingsModel</name>
        <message>
            <source>Severity</source>
            <translation>Schwere</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>Element</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Regel</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::FindingsPanel</name>
        <message>
            <source>Errors: %1, warnings: %2, infos: %3</source>
            <translation>Fehler: %1, Warnungen: %2, Hinweise: %3</translation>
        </message>
        <message>
            <source>Errors: %1</source>
            <translation>Fehler: %1</translation>
        </message>
        <message>
            <source>Warnings: %1</source>
            <translation>Warnungen: %1</translation>
        </message>
        <message>
            <source>Infos: %1</source>
            <translation>Hinweise: %1</translation>
        </message>
        <message>
            <source>The design passes every HA rule.</source>
            <translation>Der Entwurf erfüllt alle HA-Regeln.</translation>
        </message>
        <message>
            <source>Click a finding to show its element in the diagram.</source>
            <translation>Klicken Sie auf einen Befund, um sein Element im Diagramm zu zeigen.</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::LiveController</name>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Ausführen</translation>
        </message>
        <message>
            <source>Run the design in the cluster engine (virtual time at the chosen speed); again to pause</source>
            <translation>Den Entwurf in der Cluster-Engine ausführen (virtuelle Zeit mit der gewählten Geschwindigkeit); erneut zum Anhalten</translation>
        </message>
        <message>
            <source>&amp;Step 1 s</source>
            <translation>&amp;Schritt 1 s</translation>
        </message>
        <message>
            <source>Advance one second of virtual time, then pause</source>
            <translation>Eine Sekunde virtuelle Zeit voranschreiten, dann anhalten</translation>
        </message>
        <message>
            <source>&amp;Heal All</source>
            <translation>Alles &amp;heilen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+H</source>
            <translation>Ctrl+Shift+H</translation>
        </message>
        <message>
            <source>Heal partitions and restart every stopped node and component</source>
            <translation>Partitionen aufheben und jeden gestoppten Knoten und jede Komponente neu starten</translation>
        </message>
        <message>
            <source>Nothing is running to heal.</source>
            <translation>Es läuft nichts, das geheilt werden könnte.</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Geschwindigkeit</translation>
        </message>
        <message>
            <source>Virtual time per second of wall time</source>
            <translation>Virtuelle Zeit pro Sekunde Echtzeit</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Ausführen</translation>
        </message>
        <message>
            <source>not running</source>
            <translation>läuft nicht</translation>
        </message>
        <message>
            <source>Cluster status</source>
            <translation>Clusterstatus</translation>
        </message>
        <message>
            <source>Filter events (object, reason or message)</source>
            <translation>Ereignisse filtern (Objekt, Grund oder Meldung)</translation>
        </message>
        <message>
            <source>Event filter</source>
            <translation>Ereignisfilter</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>Ereignisse</translation>
        </message>
        <message>
            <source>The design cannot run: %1</source>
            <translation>Der Entwurf kann nicht laufen: %1</translation>
        </message>
        <message>
            <source>quorum %1/%2 — writes OK</source>
            <translation>Quorum %1/%2 — Schreiben möglich</translation>
        </message>
        <message>
            <source>quorum %1/%2 — writes unavailable</source>
            <translation>Quorum %1/%2 — Schreiben nicht möglich</translation>
        </message>
        <message>
            <source>no etcd leader</source>
            <translation>kein etcd-Leader</translation>
        </message>
        <message>
            <source>leader %1 (term %2)</source>
            <translation>Leader %1 (Term %2)</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>angehalten</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>An&amp;halten</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>&amp;Kill Node</source>
            <translation>Knoten &amp;abschalten</translation>
        </message>
        <message>
            <source>&amp;Restart Node</source>
            <translation>Knoten &amp;neu starten</translation>
        </message>
        <message>
            <source>&amp;Isolate (Partition Away)</source>
            <translation>&amp;Isolieren (abtrennen)</translation>
        </message>
        <message>
            <source>&amp;Stop Component</source>
            <translation>Komponente &amp;stoppen</translation>
        </message>
        <message>
            <source>Start %1</source>
            <translation>%1 starten</translation>
        </message>
        <message>
            <source>&amp;Heal Node</source>
            <translation>Knoten &amp;heilen</translation>
        </message>
        <message>
            <source>Node %1 cannot be healed now.</source>
            <translation>Der Knoten %1 kann jetzt nicht geheilt werden.</translation>
        </message>
        <message>
            <source>&amp;Zone Outage</source>
            <translation>&amp;Zonenausfall</translation>
        </message>
        <message>
            <source>Monitor</source>
            <translation>Monitor</translation>
        </message>
        <message>
            <source>The drill cannot run: %1</source>
            <translation>Die Übung kann nicht laufen: %1</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::MainWindow</name>
        <message>
            <source>Findings</source>
            <translation>Befunde</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Öffnen…</translation>
        </message>
        <message>
            <source>Open a topology YAML file</source>
            <translation>Eine Topologie-YAML-Datei öffnen</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Speichern &amp;unter…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
        </message>
        <message>
            <source>Save the design to a topology YAML file</source>
            <translation>Den Entwurf in eine Topologie-YAML-Datei speichern</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>&amp;About Quorum Studio</source>
            <translation>Ü&amp;ber Quorum Studio</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Über &amp;Qt</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>Open &amp;Template</source>
            <translation>&amp;Vorlage öffnen</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Ctrl+Shift+F</source>
            <translation>Ctrl+Shift+F</translation>
        </message>
        <message>
            <source>Show or hide the findings panel</source>
            <translation>Die Befundliste zeigen oder verbergen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;%1 %2</source>
            <translation>&amp;%1 %2</translation>
        </message>
        <message>
            <source>No Recent Files</source>
            <translation>Keine zuletzt geöffneten Dateien</translation>
        </message>
        <message>
            <source>&amp;Clear Menu</source>
            <translation>Menü &amp;leeren</translation>
        </message>
        <message>
            <source>%1: unknown error</source>
            <translation>%1: unbekannter Fehler</translation>
        </message>
        <message>
            <source>Open Design</source>
            <translation>Entwurf öffnen</translation>
        </message>
        <message>
            <source>%1 could not be opened. The current design is unchanged.</source>
            <translation>%1 konnte nicht geöffnet werden. Der aktuelle Entwurf ist unverändert.</translation>
        </message>
        <message>
            <source>Opened the template %1.</source>
            <translation>Vorlage %1 geöffnet.</translation>
        </message>
        <message>
            <source>Opened %1.</source>
            <translation>%1 geöffnet.</translation>
        </message>
        <message>
            <source>Save Design</source>
            <translation>Entwurf speichern</translation>
        </message>
        <message>
            <source>The design could not be saved. Nothing was written to %1.</source>
            <translation>Der Entwurf konnte nicht gespeichert werden. In %1 wurde nichts geschrieben.</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 gespeichert.</translation>
        </message>
        <message>
            <source>… and %1 more (see Show Details).</source>
            <translation>… und %1 weitere (siehe Details).</translation>
        </message>
        <message>
            <source>Topology YAML (*.yaml *.yml)</source>
            <translation>Topologie-YAML (*.yaml *.yml)</translation>
        </message>
        <message>
            <source>Save Design As</source>
            <translation>Entwurf speichern unter</translation>
        </message>
        <message>
            <source>About Quorum Studio</source>
            <translation>Über Quorum Studio</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Quorum Studio %1&lt;/h3&gt;&lt;p&gt;Design, generate, run and watch highly available Kubernetes-style clusters.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Quorum Studio %1&lt;/h3&gt;&lt;p&gt;Hochverfügbare Cluster im Kubernetes-Stil entwerfen, erzeugen, ausführen und beobachten.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>This finding is about the cluster as a whole.</source>
            <translation>Dieser Befund betrifft den Cluster als Ganzes.</translation>
        </message>
        <message>
            <source>%1 is not drawn in the diagram.</source>
            <translation>%1 ist im Diagramm nicht dargestellt.</translation>
        </message>
        <message>
            <source>Nodes: %1 · Zones: %2 · No etcd members</source>
            <translation>Knoten: %1 · Zonen: %2 · Keine etcd-Mitglieder</translation>
        </message>
        <message>
            <source>Nodes: %1 · Zones: %2 · etcd members: %3 · Quorum: %4 · Failures tolerated: %5</source>
            <translation>Knoten: %1 · Zonen: %2 · etcd-Mitglieder: %3 · Quorum: %4 · Tolerierte Ausfälle: %5</translation>
        </message>
        <message>
            <source>Untitled design</source>
            <translation>Unbenannter Entwurf</translation>
        </message>
        <message>
            <source>%1 (template %2)</source>
            <translation>%1 (Vorlage %2)</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Artifacts</source>
            <translation>Artefakte</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <source>Ctrl+I</source>
            <translation>Ctrl+I</translation>
        </message>
        <message>
            <source>Add Kubernetes manifests, a kind config or a kubeadm config to the design</source>
            <translation>Kubernetes-Manifeste, eine kind- oder eine kubeadm-Konfiguration in den Entwurf übernehmen</translation>
        </message>
        <message>
            <source>Ctrl+Shift+A</source>
            <translation>Ctrl+Shift+A</translation>
        </message>
        <message>
            <source>Show or hide the generated artifacts</source>
            <translation>Die erzeugten Artefakte zeigen oder verbergen</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <source>%1 could not be imported. The current design is unchanged.</source>
            <translation>%1 konnte nicht importiert werden. Der aktuelle Entwurf ist unverändert.</translation>
        </message>
        <message>
            <source>Imported %1 (workloads: %2, nodes: %3).</source>
            <translation>%1 importiert (Workloads: %2, Knoten: %3).</translation>
        </message>
        <message>
            <source>%1 was imported, but not all of it (%2 warnings):</source>
            <translation>%1 wurde importiert, aber nicht vollständig (%2 Warnungen):</translation>
        </message>
        <message>
            <source>%1 was imported. Some fields have no counterpart in the design:</source>
            <translation>%1 wurde importiert. Einige Felder haben im Entwurf keine Entsprechung:</translation>
        </message>
        <message>
            <source>Kubernetes, kind or kubeadm YAML (*.yaml *.yml);;All files (*)</source>
            <translation>Kubernetes-, kind- oder kubeadm-YAML (*.yaml *.yml);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Ctrl+Shift+M</source>
            <translation>Ctrl+Shift+M</translation>
        </message>
        <message>
            <source>Show or hide the live charts</source>
            <translation>Die Live-Diagramme ein- oder ausblenden</translation>
        </message>
        <message>
            <source>Drill</source>
            <translation>Übung</translation>
        </message>
        <message>
            <source>Ctrl+Shift+L</source>
            <translation>Ctrl+Shift+L</translation>
        </message>
        <message>
            <source>Show or hide the drill panel (trainer mode)</source>
            <translation>Das Übungsfenster (Trainermodus) ein- oder ausblenden</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::MonitorPanel</name>
        <message>
            <source>virtual time (s)</source>
            <translation>virtuelle Zeit (s)</translation>
        </message>
        <message>
            <source>Leadership (etcd)</source>
            <translation>Leader (etcd)</translation>
        </message>
        <message>
            <source>Quorum</source>
            <translation>Quorum</translation>
        </message>
        <message>
            <source>writes unavailable</source>
            <translation>Schreiben nicht möglich</translation>
        </message>
        <message>
            <source>voters up</source>
            <translation>Stimmberechtigte aktiv</translation>
        </message>
        <message>
            <source>quorum needed</source>
            <translation>benötigtes Quorum</translation>
        </message>
        <message>
            <source>Pods by phase</source>
            <translation>Pods nach Phase</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>ContainerCreating</source>
            <translation>ContainerCreating</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>Succeeded</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Terminating</source>
            <translation>Terminating</translation>
        </message>
        <message>
            <source>Clients and nodes</source>
            <translation>Clients und Knoten</translation>
        </message>
        <message>
            <source>client success rate</source>
            <translation>Erfolgsquote der Clients</translation>
        </message>
        <message>
            <source>nodes Ready</source>
            <translation>Knoten Ready</translation>
        </message>
        <message>
            <source>&amp;Follow</source>
            <translation>&amp;Folgen</translation>
        </message>
        <message>
            <source>Keep the last two minutes of virtual time in view; off to pause the charts and zoom</source>
            <translation>Die letzten zwei Minuten virtueller Zeit im Blick behalten; aus, um die Diagramme anzuhalten und zu zoomen</translation>
        </message>
        <message>
            <source>Export &amp;PNG…</source>
            <translation>&amp;PNG exportieren…</translation>
        </message>
        <message>
            <source>Export &amp;CSV…</source>
            <translation>&amp;CSV exportieren…</translation>
        </message>
        <message>
            <source>Export the charts</source>
            <translation>Die Diagramme exportieren</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG-Bild (*.png)</translation>
        </message>
        <message>
            <source>Export the samples</source>
            <translation>Die Messwerte exportieren</translation>
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation>CSV-Datei (*.csv)</translation>
        </message>
        <message>
            <source>Leadership (etcd) — term %1</source>
            <translation>Leader (etcd) — Term %1</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation>%1 kann nicht geschrieben werden</translation>
        </message>
        <message>
            <source>Lease holders</source>
            <translation>Lease-Inhaber</translation>
        </message>
        <message>
            <source>Commit index and write latency</source>
            <translation>Commit-Index und Schreiblatenz</translation>
        </message>
        <message>
            <source>commit index</source>
            <translation>Commit-Index</translation>
        </message>
        <message>
            <source>write latency p99</source>
            <translation>Schreiblatenz p99</translation>
        </message>
        <message>
            <source>Ready replicas per workload</source>
            <translation>Bereite Replikate je Workload</translation>
        </message>
        <message>
            <source>Control plane</source>
            <translation>Control Plane</translation>
        </message>
        <message>
            <source>Workloads</source>
            <translation>Workloads</translation>
        </message>
        <message>
            <source>leader</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>down</source>
            <translation>ausgefallen</translation>
        </message>
        <message>
            <source>Client requests per backend</source>
            <translation>Client-Anfragen je Backend</translation>
        </message>
        <message>
            <source>other</source>
            <translation>andere</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::NodeItem</name>
        <message>
            <source>DOWN</source>
            <translation>AUS</translation>
        </message>
        <message>
            <source>NotReady</source>
            <translation>NotReady</translation>
        </message>
        <message>
            <source>etcd leader</source>
            <translation>etcd-Leader</translation>
        </message>
        <message>
            <source>partitioned</source>
            <translation>abgetrennt</translation>
        </message>
        <message>
            <source>%1 stopped</source>
            <translation>%1 gestoppt</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::ReplayController</name>
        <message>
            <source>Re&amp;play a Recorded Run…</source>
            <translation>Aufgezeichneten Lauf &amp;wiedergeben…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+P</source>
            <translation>Ctrl+Shift+P</translation>
        </message>
        <message>
            <source>Pick a recorded run and scrub through it: charts, events and diagram as they were</source>
            <translation>Einen aufgezeichneten Lauf wählen und durchspulen: Diagramme, Ereignisse und Design, wie sie waren</translation>
        </message>
        <message>
            <source>&amp;Back to Live</source>
            <translation>&amp;Zurück zum Live-Lauf</translation>
        </message>
        <message>
            <source>Ctrl+Shift+B</source>
            <translation>Ctrl+Shift+B</translation>
        </message>
        <message>
            <source>Leave the replay and show the running design again</source>
            <translation>Die Wiedergabe verlassen und wieder das laufende Design zeigen</translation>
        </message>
        <message>
            <source>Replay time</source>
            <translation>Wiedergabezeit</translation>
        </message>
        <message>
            <source>Virtual time of the recorded run (seconds)</source>
            <translation>Virtuelle Zeit des aufgezeichneten Laufs (Sekunden)</translation>
        </message>
        <message>
            <source>Replay</source>
            <translation>Wiedergabe</translation>
        </message>
        <message>
            <source>No run has been recorded yet: run a design first.</source>
            <translation>Noch kein Lauf aufgezeichnet: zuerst ein Design laufen lassen.</translation>
        </message>
        <message>
            <source>%1 · %2%3</source>
            <translation>%1 · %2%3</translation>
        </message>
        <message>
            <source> · drill %1</source>
            <translation> · Übung %1</translation>
        </message>
        <message>
            <source>Recorded run:</source>
            <translation>Aufgezeichneter Lauf:</translation>
        </message>
        <message>
            <source>The recorded run holds no samples.</source>
            <translation>Der aufgezeichnete Lauf enthält keine Messwerte.</translation>
        </message>
        <message>
            <source>quorum %1/%2 — writes OK</source>
            <translation>Quorum %1/%2 — Schreiben möglich</translation>
        </message>
        <message>
            <source>quorum %1/%2 — writes unavailable</source>
            <translation>Quorum %1/%2 — Schreiben nicht möglich</translation>
        </message>
        <message>
            <source>replay %1 · t %2 of %3 · %4 · %5</source>
            <translation>Wiedergabe %1 · t %2 von %3 · %4 · %5</translation>
        </message>
        <message>
            <source>no etcd leader</source>
            <translation>kein etcd-Leader</translation>
        </message>
        <message>
            <source>leader %1</source>
            <translation>Leader %1</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 von %2</translation>
        </message>
    </context>
</TS>
