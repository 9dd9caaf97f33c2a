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
        <message>
            <source>Show the monitor's page &lt;page&gt;: control-plane (the default) or workloads.</source>
            <translation>Die Seite &lt;page&gt; des Monitors zeigen: control-plane (Standard) oder workloads.</translation>
        </message>
        <message>
            <source>--monitor-page: no page '%1' (control-plane or workloads)</source>
            <translation>--monitor-page: keine Seite „%1“ (control-plane oder workloads)</translation>
        </message>
        <message>
            <source>Use the appearance &lt;mode&gt;: system, light or dark, for this run only (View → Appearance keeps a choice).</source>
            <translation>Das Erscheinungsbild &lt;mode&gt; verwenden: system, light oder dark, nur für diesen Lauf (Ansicht → Erscheinungsbild merkt sich eine Wahl).</translation>
        </message>
        <message>
            <source>--appearance: no appearance '%1' (system, light or dark)</source>
            <translation>--appearance: kein Erscheinungsbild „%1“ (system, light oder dark)</translation>
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
        <message>
            <source>%1 is a DaemonSet: it runs one pod per node, so a HorizontalPodAutoscaler cannot scale it. Remove the autoscaling or make it a Deployment.</source>
            <translation>%1 ist ein DaemonSet: Es führt einen Pod je Knoten aus, daher kann ein HorizontalPodAutoscaler es nicht skalieren. Entfernen Sie die Autoskalierung oder machen Sie daraus ein Deployment.</translation>
        </message>
        <message>
            <source>%1 autoscales down to %2 replicas: a HorizontalPodAutoscaler needs minReplicas of at least 1.</source>
            <translation>%1 skaliert bis auf %2 Replikate herunter: Ein HorizontalPodAutoscaler braucht minReplicas von mindestens 1.</translation>
        </message>
        <message>
            <source>%1 autoscales up to %2 replicas, fewer than its minimum of %3: set maxReplicas to at least %3.</source>
            <translation>%1 skaliert auf höchstens %2 Replikate, weniger als sein Minimum von %3: Setzen Sie maxReplicas auf mindestens %3.</translation>
        </message>
        <message>
            <source>%1 autoscales but has no target: set a CPU or memory utilisation target for the HorizontalPodAutoscaler to scale by.</source>
            <translation>%1 wird automatisch skaliert, hat aber kein Ziel: Setzen Sie ein CPU- oder Speicherauslastungsziel, nach dem der HorizontalPodAutoscaler skaliert.</translation>
        </message>
        <message>
            <source>%1 scales by CPU utilisation but requests no CPU: utilisation is measured against the request, so the autoscaler could never scale it. Set a CPU request.</source>
            <translation>%1 skaliert nach CPU-Auslastung, fordert aber keine CPU an: Die Auslastung wird an der Anforderung gemessen, daher könnte der Autoscaler es nie skalieren. Setzen Sie eine CPU-Anforderung.</translation>
        </message>
        <message>
            <source>%1 scales by memory utilisation but requests no memory: utilisation is measured against the request, so the autoscaler could never scale it. Set a memory request.</source>
            <translation>%1 skaliert nach Speicherauslastung, fordert aber keinen Speicher an: Die Auslastung wird an der Anforderung gemessen, daher könnte der Autoscaler es nie skalieren. Setzen Sie eine Speicher-Anforderung.</translation>
        </message>
        <message>
            <source>%1 starts with %2 replicas, outside its autoscaling range of %3 to %4: the autoscaler moves it into the range at once.</source>
            <translation>%1 startet mit %2 Replikaten, außerhalb seines Autoskalierungsbereichs von %3 bis %4: Der Autoscaler bringt es sofort in den Bereich.</translation>
        </message>
        <message>
            <source>%1 may scale down to a single replica: at low load one node failure or rollout interrupts it. Set minReplicas to at least 2.</source>
            <translation>%1 kann auf ein einziges Replikat herunterskalieren: Bei geringer Last unterbricht es ein Knotenausfall oder ein Rollout. Setzen Sie minReplicas auf mindestens 2.</translation>
        </message>
        <message>
            <source>%1 requires %2 replicas available but may scale down to %3: at that size node drains can never evict one. Use a minAvailable below minReplicas.</source>
            <translation>%1 verlangt %2 verfügbare Replikate, kann aber auf %3 herunterskalieren: Bei dieser Größe kann ein Drain eines Knotens nie eines räumen. Verwenden Sie ein minAvailable unter minReplicas.</translation>
        </message>
        <message>
            <source>%1 may autoscale to %2 replicas with required anti-affinity, but only %3 nodes can hold it: beyond %3 replicas the autoscaler's new pods would stay Pending.</source>
            <translation>%1 kann auf %2 Replikate autoskalieren, mit zwingender Anti-Affinität, aber nur %3 Knoten können es aufnehmen: Über %3 Replikate hinaus blieben die neuen Pods des Autoscalers Pending.</translation>
        </message>
        <message>
            <source>%1 may autoscale to %2 replicas, but the nodes that can run it have room for %3 by their resource requests: beyond %3 the autoscaler's new pods would stay Pending.</source>
            <translation>%1 kann auf %2 Replikate autoskalieren, aber die Knoten, die es ausführen können, haben nach den Ressourcenanforderungen Platz für %3: Über %3 hinaus blieben die neuen Pods des Autoscalers Pending.</translation>
        </message>
        <message>
            <source>With every autoscaler at its maximum, workloads request %1 CPU in all, but the nodes that run them offer %2: at a peak some new pods would stay Pending.</source>
            <translation>Mit jedem Autoscaler am Maximum fordern die Workloads insgesamt %1 CPU an, aber die Knoten, die sie ausführen, bieten %2: Bei einer Lastspitze blieben einige neue Pods Pending.</translation>
        </message>
        <message>
            <source>With every autoscaler at its maximum, workloads request %1 memory in all, but the nodes that run them offer %2: at a peak some new pods would stay Pending.</source>
            <translation>Mit jedem Autoscaler am Maximum fordern die Workloads insgesamt %1 Speicher an, aber die Knoten, die sie ausführen, bieten %2: Bei einer Lastspitze blieben einige neue Pods Pending.</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui</name>
        <message>
            <source>'%1' is not one of the choices</source>
            <translation>„%1“ ist keine der Auswahlmöglichkeiten</translation>
        </message>
        <message>
            <source>there is no node or workload called '%1'</source>
            <translation>es gibt keinen Knoten und keine Workload namens „%1“</translation>
        </message>
        <message>
            <source>there is no node called '%1'</source>
            <translation>es gibt keinen Knoten namens „%1“</translation>
        </message>
        <message>
            <source>'%1' is not key=value</source>
            <translation>„%1“ ist nicht Schlüssel=Wert</translation>
        </message>
        <message>
            <source>'%1' is not key[=value]:NoSchedule|PreferNoSchedule|NoExecute</source>
            <translation>„%1“ ist nicht Schlüssel[=Wert]:NoSchedule|PreferNoSchedule|NoExecute</translation>
        </message>
        <message>
            <source>'%1' is not a CPU quantity (for example 4, 0.5 or 500m)</source>
            <translation>„%1“ ist keine CPU-Menge (zum Beispiel 4, 0.5 oder 500m)</translation>
        </message>
        <message>
            <source>'%1' is not a memory quantity (for example 16Gi or 512Mi)</source>
            <translation>„%1“ ist keine Speichermenge (zum Beispiel 16Gi oder 512Mi)</translation>
        </message>
        <message>
            <source>'%1' is not a duration (for example 100ms, 40s or 5m)</source>
            <translation>„%1“ ist keine Dauer (zum Beispiel 100ms, 40s oder 5m)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>Kubernetes version</source>
            <translation>Kubernetes-Version</translation>
        </message>
        <message>
            <source>etcd placement</source>
            <translation>etcd-Platzierung</translation>
        </message>
        <message>
            <source>Timings</source>
            <translation>Zeiten</translation>
        </message>
        <message>
            <source>a duration, e.g. 40s</source>
            <translation>eine Dauer, z. B. 40s</translation>
        </message>
        <message>
            <source>Networking</source>
            <translation>Netzwerk</translation>
        </message>
        <message>
            <source>Pod subnet</source>
            <translation>Pod-Subnetz</translation>
        </message>
        <message>
            <source>Service subnet</source>
            <translation>Service-Subnetz</translation>
        </message>
        <message>
            <source>lower-case letters, digits and '-'</source>
            <translation>Kleinbuchstaben, Ziffern und „-“</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>(no zone)</source>
            <translation>(keine Zone)</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Zone</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>IP address, optional</source>
            <translation>IP-Adresse, optional</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>e.g. 4 or 500m</source>
            <translation>z. B. 4 oder 500m</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Arbeitsspeicher</translation>
        </message>
        <message>
            <source>e.g. 16Gi</source>
            <translation>z. B. 16Gi</translation>
        </message>
        <message>
            <source>Max pods</source>
            <translation>Max. Pods</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>key=value, key2=value2</source>
            <translation>schlüssel=wert, schlüssel2=wert2</translation>
        </message>
        <message>
            <source>Taints</source>
            <translation>Taints</translation>
        </message>
        <message>
            <source>key=value:NoSchedule, ...</source>
            <translation>schlüssel=wert:NoSchedule, ...</translation>
        </message>
        <message>
            <source>Components</source>
            <translation>Komponenten</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Hosts</source>
            <translation>Hosts</translation>
        </message>
        <message>
            <source>node names, comma-separated</source>
            <translation>Knotennamen, durch Kommas getrennt</translation>
        </message>
        <message>
            <source>Virtual IP</source>
            <translation>Virtuelle IP</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Targets</source>
            <translation>Ziele</translation>
        </message>
        <message>
            <source>API server nodes or workloads, comma-separated</source>
            <translation>API-Server-Knoten oder Workloads, durch Kommas getrennt</translation>
        </message>
        <message>
            <source>Target port</source>
            <translation>Zielport</translation>
        </message>
        <message>
            <source>Algorithm</source>
            <translation>Algorithmus</translation>
        </message>
        <message>
            <source>Health check</source>
            <translation>Health-Check</translation>
        </message>
        <message>
            <source>HTTP path</source>
            <translation>HTTP-Pfad</translation>
        </message>
        <message>
            <source>empty: a TCP check</source>
            <translation>leer: ein TCP-Check</translation>
        </message>
        <message>
            <source>Interval</source>
            <translation>Intervall</translation>
        </message>
        <message>
            <source>Fall</source>
            <translation>Fall</translation>
        </message>
        <message>
            <source>Rise</source>
            <translation>Rise</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>Endpunkt</translation>
        </message>
        <message>
            <source>Storage nodes</source>
            <translation>Speicherknoten</translation>
        </message>
        <message>
            <source>Back end</source>
            <translation>Backend</translation>
        </message>
        <message>
            <source>Default class</source>
            <translation>Standardklasse</translation>
        </message>
        <message>
            <source>Reclaim policy</source>
            <translation>Reclaim-Policy</translation>
        </message>
        <message>
            <source>Volume binding</source>
            <translation>Volume-Bindung</translation>
        </message>
        <message>
            <source>Allow volume expansion</source>
            <translation>Volume-Vergrößerung erlauben</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Namespace</source>
            <translation>Namespace</translation>
        </message>
        <message>
            <source>'%1' is not a valid namespace name</source>
            <translation>„%1“ ist kein gültiger Namespace-Name</translation>
        </message>
        <message>
            <source>Replicas</source>
            <translation>Replikate</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Image</translation>
        </message>
        <message>
            <source>a workload needs an image</source>
            <translation>eine Workload braucht ein Image</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Ressourcen</translation>
        </message>
        <message>
            <source>CPU request</source>
            <translation>CPU-Anforderung</translation>
        </message>
        <message>
            <source>Memory request</source>
            <translation>Speicher-Anforderung</translation>
        </message>
        <message>
            <source>CPU limit</source>
            <translation>CPU-Limit</translation>
        </message>
        <message>
            <source>empty: no limit</source>
            <translation>leer: kein Limit</translation>
        </message>
        <message>
            <source>Memory limit</source>
            <translation>Speicher-Limit</translation>
        </message>
        <message>
            <source>Exposure and placement</source>
            <translation>Erreichbarkeit und Platzierung</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
        </message>
        <message>
            <source>Service port</source>
            <translation>Service-Port</translation>
        </message>
        <message>
            <source>Exposed through the ingress</source>
            <translation>Über den Ingress erreichbar</translation>
        </message>
        <message>
            <source>Anti-affinity</source>
            <translation>Anti-Affinität</translation>
        </message>
        <message>
            <source>Spread across zones</source>
            <translation>Über Zonen verteilen</translation>
        </message>
        <message>
            <source>PodDisruptionBudget min available</source>
            <translation>PodDisruptionBudget: mindestens verfügbar</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>names only: values never enter the design</source>
            <translation>nur Namen: Werte gelangen nie ins Design</translation>
        </message>
        <message>
            <source>%1: choose a file ending in .png, .svg or .pdf</source>
            <translation>%1: eine Datei mit der Endung .png, .svg oder .pdf wählen</translation>
        </message>
        <message>
            <source>%1: the diagram is empty</source>
            <translation>%1: das Diagramm ist leer</translation>
        </message>
        <message>
            <source>%1: cannot write (%2)</source>
            <translation>%1: kann nicht geschrieben werden (%2)</translation>
        </message>
        <message>
            <source>%1: the picture could not be written</source>
            <translation>%1: das Bild konnte nicht geschrieben werden</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>a DaemonSet runs one pod per node and cannot be autoscaled</source>
            <translation>ein DaemonSet führt einen Pod je Knoten aus und kann nicht automatisch skaliert werden</translation>
        </message>
        <message>
            <source>Autoscaling (HorizontalPodAutoscaler)</source>
            <translation>Autoskalierung (HorizontalPodAutoscaler)</translation>
        </message>
        <message>
            <source>Autoscale min replicas</source>
            <translation>Autoskalierung: min. Replikate</translation>
        </message>
        <message>
            <source>the autoscaler keeps at least 1 replica (none turns autoscaling off)</source>
            <translation>der Autoscaler behält mindestens 1 Replikat (keine schaltet die Autoskalierung ab)</translation>
        </message>
        <message>
            <source>%1 is more than the maximum of %2 replicas</source>
            <translation>%1 ist mehr als das Maximum von %2 Replikaten</translation>
        </message>
        <message>
            <source>none: no autoscaling</source>
            <translation>keine: keine Autoskalierung</translation>
        </message>
        <message>
            <source>Autoscale max replicas</source>
            <translation>Autoskalierung: max. Replikate</translation>
        </message>
        <message>
            <source>the autoscaler needs a maximum of at least 1 (set min replicas to none to turn it off)</source>
            <translation>der Autoscaler braucht ein Maximum von mindestens 1 (min. Replikate auf keine setzen, um ihn abzuschalten)</translation>
        </message>
        <message>
            <source>%1 is fewer than the minimum of %2 replicas</source>
            <translation>%1 ist weniger als das Minimum von %2 Replikaten</translation>
        </message>
        <message>
            <source>the autoscaler needs a CPU or a memory target (set min replicas to none to turn it off)</source>
            <translation>der Autoscaler braucht ein CPU- oder Speicherziel (min. Replikate auf keine setzen, um ihn abzuschalten)</translation>
        </message>
        <message>
            <source>a target is a percentage of the request, at least 1</source>
            <translation>ein Ziel ist ein Prozentsatz der Anforderung, mindestens 1</translation>
        </message>
        <message>
            <source>percent of the request; none: not a target</source>
            <translation>Prozent der Anforderung; keine: kein Ziel</translation>
        </message>
        <message>
            <source>VIP interface</source>
            <translation>VIP-Schnittstelle</translation>
        </message>
        <message>
            <source>'%1' is not a network interface name (1 to 15 characters, no '/', ':' or spaces)</source>
            <translation>„%1“ ist kein Name einer Netzwerkschnittstelle (1 bis 15 Zeichen, kein „/“, „:“ oder Leerzeichen)</translation>
        </message>
        <message>
            <source>the hosts' network interface that carries the VIP (keepalived)</source>
            <translation>die Netzwerkschnittstelle der Hosts, die die VIP trägt (keepalived)</translation>
        </message>
        <message>
            <source>etcd heartbeat</source>
            <translation>etcd-Heartbeat</translation>
        </message>
        <message>
            <source>etcd election timeout</source>
            <translation>etcd-Wahl-Timeout</translation>
        </message>
        <message>
            <source>Lease duration</source>
            <translation>Lease-Dauer</translation>
        </message>
        <message>
            <source>Renew deadline</source>
            <translation>Erneuerungsfrist</translation>
        </message>
        <message>
            <source>Retry period</source>
            <translation>Wiederholungsintervall</translation>
        </message>
        <message>
            <source>Node status update</source>
            <translation>Knotenstatus-Aktualisierung</translation>
        </message>
        <message>
            <source>Node monitor period</source>
            <translation>Knotenüberwachungsintervall</translation>
        </message>
        <message>
            <source>Node monitor grace period</source>
            <translation>Knotenüberwachungs-Karenzzeit</translation>
        </message>
        <message>
            <source>Node startup grace period</source>
            <translation>Knotenstart-Karenzzeit</translation>
        </message>
        <message>
            <source>Eviction after (tolerationSeconds)</source>
            <translation>Räumung nach (tolerationSeconds)</translation>
        </message>
        <message>
            <source>Autoscale CPU target</source>
            <translation>Autoskalierung: CPU-Ziel</translation>
        </message>
        <message>
            <source>Autoscale memory target</source>
            <translation>Autoskalierung: Speicherziel</translation>
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
        <name>quorum::ui::DesignerController</name>
        <message>
            <source>%1 elements</source>
            <translation>%1 Elemente</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Ausschneiden</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Einfügen</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>&amp;Alles auswählen</translation>
        </message>
        <message>
            <source>Auto &amp;Layout by Zone</source>
            <translation>Automatisches &amp;Layout nach Zonen</translation>
        </message>
        <message>
            <source>&lt;opened design&gt;</source>
            <translation>&lt;geöffnetes Design&gt;</translation>
        </message>
        <message>
            <source>Undo history</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>Ctrl+Y</source>
            <translation>Ctrl+Y</translation>
        </message>
        <message>
            <source>Ctrl+Shift+R</source>
            <translation>Ctrl+Shift+R</translation>
        </message>
        <message>
            <source>Move the selected elements to the clipboard</source>
            <translation>Die ausgewählten Elemente in die Zwischenablage verschieben</translation>
        </message>
        <message>
            <source>Copy the selected elements to the clipboard</source>
            <translation>Die ausgewählten Elemente in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <source>Add the elements on the clipboard (names that are taken get a '-copy' suffix)</source>
            <translation>Die Elemente aus der Zwischenablage hinzufügen (vergebene Namen erhalten die Endung „-copy“)</translation>
        </message>
        <message>
            <source>Select every element of the diagram</source>
            <translation>Alle Elemente des Diagramms auswählen</translation>
        </message>
        <message>
            <source>Put every card back where the automatic layout by zone places it</source>
            <translation>Jede Karte dorthin zurücksetzen, wo das automatische Layout nach Zonen sie platziert</translation>
        </message>
        <message>
            <source>Add %1</source>
            <translation>%1 hinzufügen</translation>
        </message>
        <message>
            <source>Added %1.</source>
            <translation>%1 hinzugefügt.</translation>
        </message>
        <message>
            <source>%1 is now in %2</source>
            <translation>%1 ist jetzt in %2</translation>
        </message>
        <message>
            <source>Move %1</source>
            <translation>%1 verschieben</translation>
        </message>
        <message>
            <source>Delete %1</source>
            <translation>%1 löschen</translation>
        </message>
        <message>
            <source>Deleted %1. Undo brings it back (Ctrl+Z).</source>
            <translation>%1 gelöscht. Rückgängig holt es zurück (Ctrl+Z).</translation>
        </message>
        <message>
            <source>Copied %1.</source>
            <translation>%1 kopiert.</translation>
        </message>
        <message>
            <source>The clipboard holds no elements that can be pasted: %1</source>
            <translation>Die Zwischenablage enthält keine einfügbaren Elemente: %1</translation>
        </message>
        <message>
            <source>Paste %1</source>
            <translation>%1 einfügen</translation>
        </message>
        <message>
            <source>Pasted %1.</source>
            <translation>%1 eingefügt.</translation>
        </message>
        <message>
            <source>Every card is already where the automatic layout puts it.</source>
            <translation>Jede Karte ist bereits dort, wo das automatische Layout sie platziert.</translation>
        </message>
        <message>
            <source>Auto layout</source>
            <translation>Automatisches Layout</translation>
        </message>
        <message>
            <source>Not connected: %1.</source>
            <translation>Nicht verbunden: %1.</translation>
        </message>
        <message>
            <source>Connect %1 and %2</source>
            <translation>%1 und %2 verbinden</translation>
        </message>
        <message>
            <source>Connected: %1.</source>
            <translation>Verbunden: %1.</translation>
        </message>
        <message>
            <source>Nudge Left</source>
            <translation>Nach links schieben</translation>
        </message>
        <message>
            <source>Nudge Right</source>
            <translation>Nach rechts schieben</translation>
        </message>
        <message>
            <source>Nudge Up</source>
            <translation>Nach oben schieben</translation>
        </message>
        <message>
            <source>Nudge Down</source>
            <translation>Nach unten schieben</translation>
        </message>
        <message>
            <source>%1 Far</source>
            <translation>%1 (weit)</translation>
        </message>
        <message>
            <source>Delete the selected elements and the references to them, or disconnect the selected connections</source>
            <translation>Die ausgewählten Elemente und die Verweise auf sie löschen oder die ausgewählten Verbindungen trennen</translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 und %2</translation>
        </message>
        <message>
            <source>Not disconnected: %1.</source>
            <translation>Nicht getrennt: %1.</translation>
        </message>
        <message>
            <source>Disconnect %1</source>
            <translation>%1 trennen</translation>
        </message>
        <message>
            <source>Disconnected: %1. Undo connects them again (Ctrl+Z).</source>
            <translation>Getrennt: %1. Rückgängig verbindet sie wieder (Strg+Z).</translation>
        </message>
        <message>
            <source>Align &amp;Left</source>
            <translation>&amp;Links ausrichten</translation>
        </message>
        <message>
            <source>Alt+Shift+L</source>
            <translation>Alt+Shift+L</translation>
        </message>
        <message>
            <source>Line up the left edges of the selected cards with the leftmost one (two cards or more)</source>
            <translation>Die linken Kanten der ausgewählten Karten an der am weitesten links liegenden ausrichten (ab zwei Karten)</translation>
        </message>
        <message>
            <source>Align Horizontal &amp;Centres</source>
            <translation>Horizontale &amp;Mitten ausrichten</translation>
        </message>
        <message>
            <source>Alt+Shift+C</source>
            <translation>Alt+Shift+C</translation>
        </message>
        <message>
            <source>Put the centres of the selected cards on one vertical line (two cards or more)</source>
            <translation>Die Mitten der ausgewählten Karten auf eine senkrechte Linie bringen (ab zwei Karten)</translation>
        </message>
        <message>
            <source>Align &amp;Right</source>
            <translation>&amp;Rechts ausrichten</translation>
        </message>
        <message>
            <source>Alt+Shift+R</source>
            <translation>Alt+Shift+R</translation>
        </message>
        <message>
            <source>Line up the right edges of the selected cards with the rightmost one (two cards or more)</source>
            <translation>Die rechten Kanten der ausgewählten Karten an der am weitesten rechts liegenden ausrichten (ab zwei Karten)</translation>
        </message>
        <message>
            <source>Align &amp;Top</source>
            <translation>&amp;Oben ausrichten</translation>
        </message>
        <message>
            <source>Alt+Shift+T</source>
            <translation>Alt+Shift+T</translation>
        </message>
        <message>
            <source>Line up the top edges of the selected cards with the topmost one (two cards or more)</source>
            <translation>Die oberen Kanten der ausgewählten Karten an der obersten ausrichten (ab zwei Karten)</translation>
        </message>
        <message>
            <source>Align &amp;Vertical Centres</source>
            <translation>&amp;Vertikale Mitten ausrichten</translation>
        </message>
        <message>
            <source>Alt+Shift+M</source>
            <translation>Alt+Shift+M</translation>
        </message>
        <message>
            <source>Put the centres of the selected cards on one horizontal line (two cards or more)</source>
            <translation>Die Mitten der ausgewählten Karten auf eine waagerechte Linie bringen (ab zwei Karten)</translation>
        </message>
        <message>
            <source>Align &amp;Bottom</source>
            <translation>&amp;Unten ausrichten</translation>
        </message>
        <message>
            <source>Alt+Shift+B</source>
            <translation>Alt+Shift+B</translation>
        </message>
        <message>
            <source>Line up the bottom edges of the selected cards with the lowest one (two cards or more)</source>
            <translation>Die unteren Kanten der ausgewählten Karten an der untersten ausrichten (ab zwei Karten)</translation>
        </message>
        <message>
            <source>Distribute &amp;Horizontally</source>
            <translation>&amp;Horizontal verteilen</translation>
        </message>
        <message>
            <source>Alt+Shift+H</source>
            <translation>Alt+Shift+H</translation>
        </message>
        <message>
            <source>Space the selected cards with equal horizontal gaps; the leftmost and the rightmost stay (three cards or more)</source>
            <translation>Die ausgewählten Karten mit gleichen waagerechten Abständen verteilen; die linke und die rechte äußere bleiben (ab drei Karten)</translation>
        </message>
        <message>
            <source>Distribute V&amp;ertically</source>
            <translation>V&amp;ertikal verteilen</translation>
        </message>
        <message>
            <source>Alt+Shift+V</source>
            <translation>Alt+Shift+V</translation>
        </message>
        <message>
            <source>Space the selected cards with equal vertical gaps; the topmost and the lowest stay (three cards or more)</source>
            <translation>Die ausgewählten Karten mit gleichen senkrechten Abständen verteilen; die oberste und die unterste bleiben (ab drei Karten)</translation>
        </message>
        <message>
            <source>The selected cards are already arranged that way.</source>
            <translation>Die ausgewählten Karten sind bereits so angeordnet.</translation>
        </message>
        <message>
            <source>%1 (%2 cards)</source>
            <translation>%1 (%2 Karten)</translation>
        </message>
        <message>
            <source>%1. Undo puts them back (Ctrl+Z).</source>
            <translation>%1. Rückgängig stellt sie zurück (Strg+Z).</translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1: %2.</translation>
        </message>
        <message>
            <source>Resize %1</source>
            <translation>Größe von %1 ändern</translation>
        </message>
        <message>
            <source>Selected the link %1. Delete disconnects it.</source>
            <translation>Verbindung %1 ausgewählt. Entf trennt sie.</translation>
        </message>
        <message>
            <source>%1 has links: right-click it to select one, also where a card hides it.</source>
            <translation>%1 hat Verbindungen: Rechtsklick darauf wählt eine aus, auch wo eine Karte sie verdeckt.</translation>
        </message>
        <message>
            <source>target</source>
            <translation>Ziel</translation>
        </message>
        <message>
            <source>host</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>back end</source>
            <translation>Backend</translation>
        </message>
        <message>
            <source>volume claim</source>
            <translation>Volume Claim</translation>
        </message>
        <message>
            <source>%1 → %2 (%3)</source>
            <translation>%1 → %2 (%3)</translation>
        </message>
        <message>
            <source>Select &amp;Link</source>
            <translation>&amp;Verbindung auswählen</translation>
        </message>
        <message>
            <source>Select a link of %1, also where a card hides it</source>
            <translation>Eine Verbindung von %1 auswählen, auch wo eine Karte sie verdeckt</translation>
        </message>
        <message>
            <source>Select this link; Delete then disconnects it</source>
            <translation>Diese Verbindung auswählen; Entf trennt sie dann</translation>
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
        <message>
            <source>What if: the control plane cannot run (it needs etcd members, an API server, a controller-manager and a scheduler)</source>
            <translation>Was wäre wenn: die Control Plane kann nicht laufen (sie braucht etcd-Mitglieder, einen API-Server, einen Controller-Manager und einen Scheduler)</translation>
        </message>
        <message>
            <source>%1 %2 of %3</source>
            <translation>%1 %2 von %3</translation>
        </message>
        <message>
            <source>What if: survives %1 node failure(s) and %2 of %3 zone outage(s) · may fail: %4</source>
            <translation>Was wäre wenn: übersteht %1 Knotenausfall/-ausfälle und %2 von %3 Zonenausfällen · ausfallen dürfen: %4</translation>
        </message>
        <message>
            <source>What if: survives %1 node failure(s) · may fail: %2</source>
            <translation>Was wäre wenn: übersteht %1 Knotenausfall/-ausfälle · ausfallen dürfen: %2</translation>
        </message>
        <message>
            <source>etcd members</source>
            <translation>etcd-Mitglieder</translation>
        </message>
        <message>
            <source>API servers</source>
            <translation>API-Server</translation>
        </message>
        <message>
            <source>controller-managers</source>
            <translation>Controller-Manager</translation>
        </message>
        <message>
            <source>schedulers</source>
            <translation>Scheduler</translation>
        </message>
        <message>
            <source>API load-balancer hosts</source>
            <translation>API-Load-Balancer-Hosts</translation>
        </message>
        <message>
            <source>HPA %1–%2</source>
            <comment>autoscaling range of replicas</comment>
            <translation>HPA %1–%2</translation>
        </message>
        <message>
            <source>CPU %1 %</source>
            <translation>CPU %1 %</translation>
        </message>
        <message>
            <source>memory %1 %</source>
            <translation>Speicher %1 %</translation>
        </message>
        <message>
            <source>Autoscaled between %1 and %2 replicas, targeting %3</source>
            <translation>Autoskaliert zwischen %1 und %2 Replikaten, Ziel: %3</translation>
        </message>
        <message>
            <source>(no target)</source>
            <translation>(kein Ziel)</translation>
        </message>
        <message>
            <source>Not shown on the card: %1</source>
            <translation>Nicht auf der Karte: %1</translation>
        </message>
    </context>
    <context>
        <name>quorum::ui::DiagramScene</name>
        <message>
            <source>Moving: cards line up with other cards' edges and centres. Hold Alt to snap to the grid only.</source>
            <translation>Verschieben: Karten richten sich an den Kanten und Mitten anderer Karten aus. Alt gedrückt halten, um nur am Raster einzurasten.</translation>
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
        <message>
            <source>cluster</source>
            <comment>kind of element</comment>
            <translation>Cluster</translation>
        </message>
        <message>
            <source>zone</source>
            <comment>kind of element</comment>
            <translation>Zone</translation>
        </message>
        <message>
            <source>node</source>
            <comment>kind of element</comment>
            <translation>Knoten</translation>
        </message>
        <message>
            <source>load balancer</source>
            <comment>kind of element</comment>
            <translation>Load Balancer</translation>
        </message>
        <message>
            <source>storage back end</source>
            <comment>kind of element</comment>
            <translation>Speicher-Backend</translation>
        </message>
        <message>
            <source>storage class</source>
            <comment>kind of element</comment>
            <translation>Storage-Klasse</translation>
        </message>
        <message>
            <source>workload</source>
            <comment>kind of element</comment>
            <translation>Workload</translation>
        </message>
        <message>
            <source>secret</source>
            <comment>kind of element</comment>
            <translation>Secret</translation>
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
        <name>quorum::ui::Inspector</name>
        <message>
            <source>Inspector</source>
            <translation>Inspektor</translation>
        </message>
        <message>
            <source>Nothing selected</source>
            <translation>Nichts ausgewählt</translation>
        </message>
        <message>
            <source>Select an element in the diagram to edit it, or click the background for the cluster settings.</source>
            <translation>Ein Element im Diagramm auswählen, um es zu bearbeiten, oder auf den Hintergrund klicken für die Cluster-Einstellungen.</translation>
        </message>
        <message>
            <source>Cluster settings</source>
            <translation>Cluster-Einstellungen</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Change %1</source>
            <translation>%1 ändern</translation>
        </message>
        <message>
            <source>Change %1 of %2</source>
            <translation>%1 von %2 ändern</translation>
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
            <source>Save &amp;As…</source>
            <translation>Speichern &amp;unter…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+S</source>
            <translation>Ctrl+Shift+S</translation>
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
        <message>
            <source>Unsaved Changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>The design has changes that are not saved.</source>
            <translation>Das Design hat Änderungen, die nicht gespeichert sind.</translation>
        </message>
        <message>
            <source>Save them before going on?</source>
            <translation>Vor dem Fortfahren speichern?</translation>
        </message>
        <message>
            <source>Recover Unsaved Design</source>
            <translation>Ungespeichertes Design wiederherstellen</translation>
        </message>
        <message>
            <source>Quorum Studio did not close cleanly. A design with unsaved changes was kept from %1.</source>
            <translation>Quorum Studio wurde nicht sauber beendet. Ein Design mit ungespeicherten Änderungen vom %1 wurde aufbewahrt.</translation>
        </message>
        <message>
            <source>Recover it? (Cancel keeps it for the next start.)</source>
            <translation>Wiederherstellen? (Abbrechen bewahrt es für den nächsten Start auf.)</translation>
        </message>
        <message>
            <source>It came from %1. Recover it? (Cancel keeps it for the next start.)</source>
            <translation>Es stammt aus %1. Wiederherstellen? (Abbrechen bewahrt es für den nächsten Start auf.)</translation>
        </message>
        <message>
            <source>&amp;Recover</source>
            <translation>&amp;Wiederherstellen</translation>
        </message>
        <message>
            <source>The unsaved design was discarded.</source>
            <translation>Das ungespeicherte Design wurde verworfen.</translation>
        </message>
        <message>
            <source>The kept design could not be read; it stays in %1.</source>
            <translation>Das aufbewahrte Design konnte nicht gelesen werden; es bleibt in %1.</translation>
        </message>
        <message>
            <source>Recovered the unsaved design. Save it to keep it.</source>
            <translation>Das ungespeicherte Design wurde wiederhergestellt. Zum Behalten speichern.</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>unbenannt</translation>
        </message>
        <message>
            <source>New design: drag elements from the palette onto the diagram.</source>
            <translation>Neues Design: Elemente aus der Palette auf das Diagramm ziehen.</translation>
        </message>
        <message>
            <source>The design has no project file yet: use Save As.</source>
            <translation>Das Design hat noch keine Projektdatei: Speichern unter verwenden.</translation>
        </message>
        <message>
            <source>Designs (*.quorum *.yaml *.yml);;Quorum Studio projects (*.quorum);;Topology YAML (*.yaml *.yml)</source>
            <translation>Designs (*.quorum *.yaml *.yml);;Quorum-Studio-Projekte (*.quorum);;Topologie-YAML (*.yaml *.yml)</translation>
        </message>
        <message>
            <source>Quorum Studio projects (*.quorum)</source>
            <translation>Quorum-Studio-Projekte (*.quorum)</translation>
        </message>
        <message>
            <source>Export Topology YAML</source>
            <translation>Topologie-YAML exportieren</translation>
        </message>
        <message>
            <source>Export Diagram</source>
            <translation>Diagramm exportieren</translation>
        </message>
        <message>
            <source>The diagram could not be exported.</source>
            <translation>Das Diagramm konnte nicht exportiert werden.</translation>
        </message>
        <message>
            <source>Exported the diagram to %1.</source>
            <translation>Das Diagramm wurde nach %1 exportiert.</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
            <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
        </message>
        <message>
            <source>Drop a .quorum project or a topology YAML file to open it.</source>
            <translation>Ein .quorum-Projekt oder eine Topologie-YAML-Datei hier ablegen, um sie zu öffnen.</translation>
        </message>
        <message>
            <source>Palette</source>
            <translation>Palette</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspektor</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Neu</translation>
        </message>
        <message>
            <source>Start an empty design</source>
            <translation>Ein leeres Design beginnen</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>Save the design to its project file</source>
            <translation>Das Design in seine Projektdatei speichern</translation>
        </message>
        <message>
            <source>&amp;Export Topology YAML…</source>
            <translation>Topologie-YAML &amp;exportieren…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Write the topology as YAML, for git-friendly diffs (without the diagram layout)</source>
            <translation>Die Topologie als YAML schreiben, für git-freundliche Diffs (ohne das Diagramm-Layout)</translation>
        </message>
        <message>
            <source>Export &amp;Diagram…</source>
            <translation>&amp;Diagramm exportieren…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+X</source>
            <translation>Ctrl+Shift+X</translation>
        </message>
        <message>
            <source>Save the diagram as a PNG, SVG or PDF picture</source>
            <translation>Das Diagramm als PNG-, SVG- oder PDF-Bild speichern</translation>
        </message>
        <message>
            <source>Open a Quorum Studio project or a topology YAML file</source>
            <translation>Ein Quorum-Studio-Projekt oder eine Topologie-YAML-Datei öffnen</translation>
        </message>
        <message>
            <source>Save the design to a new project file</source>
            <translation>Das Design in eine neue Projektdatei speichern</translation>
        </message>
        <message>
            <source>New from &amp;Template</source>
            <translation>Neu aus &amp;Vorlage</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>Ctrl+Shift+T</source>
            <translation>Ctrl+Shift+T</translation>
        </message>
        <message>
            <source>Show or hide the palette of elements</source>
            <translation>Die Palette der Elemente ein- oder ausblenden</translation>
        </message>
        <message>
            <source>Ctrl+Shift+I</source>
            <translation>Ctrl+Shift+I</translation>
        </message>
        <message>
            <source>Show or hide the inspector</source>
            <translation>Den Inspektor ein- oder ausblenden</translation>
        </message>
        <message>
            <source>Ctrl+Shift+U</source>
            <translation>Ctrl+Shift+U</translation>
        </message>
        <message>
            <source>Show or hide the undo history</source>
            <translation>Den Verlauf ein- oder ausblenden</translation>
        </message>
        <message>
            <source>Import %1</source>
            <translation>%1 importieren</translation>
        </message>
        <message>
            <source>Save as Template</source>
            <translation>Als Vorlage speichern</translation>
        </message>
        <message>
            <source>The template could not be saved.</source>
            <translation>Die Vorlage konnte nicht gespeichert werden.</translation>
        </message>
        <message>
            <source>'%1' is not a usable template name (no slashes, not starting with a dot)</source>
            <translation>„%1“ ist kein brauchbarer Vorlagenname (keine Schrägstriche, nicht mit einem Punkt beginnend)</translation>
        </message>
        <message>
            <source>Saved the template %1; it is under File → New from Template.</source>
            <translation>Die Vorlage %1 wurde gespeichert; sie steht unter Datei → Neu aus Vorlage.</translation>
        </message>
        <message>
            <source>New from Template</source>
            <translation>Neu aus Vorlage</translation>
        </message>
        <message>
            <source>The template %1 could not be read.</source>
            <translation>Die Vorlage %1 konnte nicht gelesen werden.</translation>
        </message>
        <message>
            <source>New design from the template %1.</source>
            <translation>Neues Design aus der Vorlage %1.</translation>
        </message>
        <message>
            <source>Template name:</source>
            <translation>Name der Vorlage:</translation>
        </message>
        <message>
            <source>Save as &amp;Template…</source>
            <translation>Als &amp;Vorlage speichern…</translation>
        </message>
        <message>
            <source>Keep the design as a template of your own, listed under New from Template</source>
            <translation>Das Design als eigene Vorlage behalten, aufgeführt unter Neu aus Vorlage</translation>
        </message>
        <message>
            <source>Your templates</source>
            <translation>Eigene Vorlagen</translation>
        </message>
        <message>
            <source>The recorded runs of this project could not be read: %1</source>
            <translation>Die aufgezeichneten Läufe dieses Projekts konnten nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>A recorded run of this design is not saved in its project.</source>
            <translation>Ein aufgezeichneter Lauf dieses Entwurfs ist nicht in seinem Projekt gespeichert.</translation>
        </message>
        <message>
            <source>%1 recorded runs of this design are not saved in its project.</source>
            <translation>%1 aufgezeichnete Läufe dieses Entwurfs sind nicht in seinem Projekt gespeichert.</translation>
        </message>
        <message>
            <source>The design has changes that are not saved, and a recorded run that is not saved in its project.</source>
            <translation>Der Entwurf hat nicht gespeicherte Änderungen und einen aufgezeichneten Lauf, der nicht in seinem Projekt gespeichert ist.</translation>
        </message>
        <message>
            <source>The design has changes that are not saved, and %1 recorded runs that are not saved in its project.</source>
            <translation>Der Entwurf hat nicht gespeicherte Änderungen und %1 aufgezeichnete Läufe, die nicht in seinem Projekt gespeichert sind.</translation>
        </message>
        <message>
            <source>Arra&amp;nge</source>
            <translation>A&amp;nordnen</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Erscheinungsbild</translation>
        </message>
        <message>
            <source>&amp;System</source>
            <translation>&amp;System</translation>
        </message>
        <message>
            <source>Follow the system's light or dark appearance</source>
            <translation>Dem hellen oder dunklen Erscheinungsbild des Systems folgen</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Hell</translation>
        </message>
        <message>
            <source>Light windows and diagram, whatever the system uses</source>
            <translation>Helle Fenster und helles Diagramm, unabhängig vom System</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Dunkel</translation>
        </message>
        <message>
            <source>Dark windows and diagram, whatever the system uses</source>
            <translation>Dunkle Fenster und dunkles Diagramm, unabhängig vom System</translation>
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
        <name>quorum::ui::Palette</name>
        <message>
            <source>Nodes</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <source>Control-plane node</source>
            <translation>Control-Plane-Knoten</translation>
        </message>
        <message>
            <source>kube-apiserver, controller-manager, scheduler (and etcd when stacked)</source>
            <translation>kube-apiserver, Controller-Manager, Scheduler (und etcd, wenn gestapelt)</translation>
        </message>
        <message>
            <source>Worker node</source>
            <translation>Worker-Knoten</translation>
        </message>
        <message>
            <source>kubelet and kube-proxy; runs the workloads</source>
            <translation>kubelet und kube-proxy; führt die Workloads aus</translation>
        </message>
        <message>
            <source>External etcd node</source>
            <translation>Externer etcd-Knoten</translation>
        </message>
        <message>
            <source>An etcd member on a machine of its own (external etcd)</source>
            <translation>Ein etcd-Mitglied auf eigener Maschine (externes etcd)</translation>
        </message>
        <message>
            <source>Load-balancer node</source>
            <translation>Load-Balancer-Knoten</translation>
        </message>
        <message>
            <source>A machine that hosts HAProxy, nginx or keepalived</source>
            <translation>Eine Maschine, auf der HAProxy, nginx oder keepalived läuft</translation>
        </message>
        <message>
            <source>Load balancing</source>
            <translation>Lastverteilung</translation>
        </message>
        <message>
            <source>HAProxy</source>
            <translation>HAProxy</translation>
        </message>
        <message>
            <source>API load balancer in front of every control-plane node</source>
            <translation>API-Load-Balancer vor allen Control-Plane-Knoten</translation>
        </message>
        <message>
            <source>nginx</source>
            <translation>nginx</translation>
        </message>
        <message>
            <source>nginx stream proxy in front of the API servers</source>
            <translation>nginx-Stream-Proxy vor den API-Servern</translation>
        </message>
        <message>
            <source>keepalived VIP</source>
            <translation>keepalived-VIP</translation>
        </message>
        <message>
            <source>A virtual IP that moves to the backup host when the active one dies</source>
            <translation>Eine virtuelle IP, die zum Backup-Host wandert, wenn der aktive ausfällt</translation>
        </message>
        <message>
            <source>Cloud load balancer</source>
            <translation>Cloud-Load-Balancer</translation>
        </message>
        <message>
            <source>A managed load balancer (redundant by construction)</source>
            <translation>Ein verwalteter Load Balancer (von Haus aus redundant)</translation>
        </message>
        <message>
            <source>MetalLB</source>
            <translation>MetalLB</translation>
        </message>
        <message>
            <source>Addresses for Services of type LoadBalancer on bare metal</source>
            <translation>Adressen für Services vom Typ LoadBalancer auf Bare Metal</translation>
        </message>
        <message>
            <source>Ingress controller</source>
            <translation>Ingress-Controller</translation>
        </message>
        <message>
            <source>Takes outside HTTP(S) to the Services</source>
            <translation>Leitet HTTP(S) von außen zu den Services</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>Speicher</translation>
        </message>
        <message>
            <source>Ceph</source>
            <translation>Ceph</translation>
        </message>
        <message>
            <source>Network block storage: volumes survive their node</source>
            <translation>Netzwerk-Blockspeicher: Volumes überleben ihren Knoten</translation>
        </message>
        <message>
            <source>NFS</source>
            <translation>NFS</translation>
        </message>
        <message>
            <source>A network file server</source>
            <translation>Ein Netzwerk-Dateiserver</translation>
        </message>
        <message>
            <source>Longhorn</source>
            <translation>Longhorn</translation>
        </message>
        <message>
            <source>Replicated block storage on the workers</source>
            <translation>Replizierter Blockspeicher auf den Workern</translation>
        </message>
        <message>
            <source>Cloud block storage</source>
            <translation>Cloud-Blockspeicher</translation>
        </message>
        <message>
            <source>A cloud provider's disks</source>
            <translation>Festplatten eines Cloud-Anbieters</translation>
        </message>
        <message>
            <source>Node-local storage</source>
            <translation>Knotenlokaler Speicher</translation>
        </message>
        <message>
            <source>Disks of the node: volumes die with it</source>
            <translation>Festplatten des Knotens: Volumes gehen mit ihm verloren</translation>
        </message>
        <message>
            <source>Storage class</source>
            <translation>Storage-Klasse</translation>
        </message>
        <message>
            <source>Provisions volumes from a storage back end</source>
            <translation>Stellt Volumes aus einem Speicher-Backend bereit</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>Struktur</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Zone</translation>
        </message>
        <message>
            <source>A failure domain: nodes in it can fail together</source>
            <translation>Eine Fehlerdomäne: ihre Knoten können gemeinsam ausfallen</translation>
        </message>
        <message>
            <source>Workloads</source>
            <translation>Workloads</translation>
        </message>
        <message>
            <source>Deployment</source>
            <translation>Deployment</translation>
        </message>
        <message>
            <source>Stateless replicas behind a Service</source>
            <translation>Zustandslose Replikate hinter einem Service</translation>
        </message>
        <message>
            <source>StatefulSet</source>
            <translation>StatefulSet</translation>
        </message>
        <message>
            <source>Ordered replicas with stable names and one volume each</source>
            <translation>Geordnete Replikate mit festen Namen und je einem Volume</translation>
        </message>
        <message>
            <source>DaemonSet</source>
            <translation>DaemonSet</translation>
        </message>
        <message>
            <source>One pod on every node</source>
            <translation>Ein Pod auf jedem Knoten</translation>
        </message>
        <message>
            <source>Palette</source>
            <translation>Palette</translation>
        </message>
        <message>
            <source>%1 — drag it onto the diagram, or double-click to add it</source>
            <translation>%1 — auf das Diagramm ziehen oder doppelklicken, um es hinzuzufügen</translation>
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
        <message>
            <source>Reading the recorded run…</source>
            <translation>Der aufgezeichnete Lauf wird gelesen…</translation>
        </message>
    </context>
</TS>
