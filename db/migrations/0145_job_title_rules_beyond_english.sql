-- depends: 0144_reference_beyond_english
-- Job title rules for German, French, Spanish, Portuguese, Italian and Dutch
-- titles, gendered forms included. They run on reference.job_title_key,
-- which removes accents (Geschäftsführer -> geschaftsfuhrer) and expands
-- abbreviations. Each priority sits just after the English rule of the same
-- kind, so English titles keep their answers. German and Dutch compounds
-- (Vertriebsleiter, Produktmanagerin, Softwareontwikkelaar) are matched by
-- their parts. Rules are data: inserting them fires the rematch trigger.

-- seniority
INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority) VALUES
  (11, '\m(co ?)?(grunder|grunderin|mitgrunder|mitgrunderin|fondateur|fondatrice|cofondateur|cofondatrice|fundador|fundadora|cofundador|cofundadora|fondatore|cofondatore|oprichter|medeoprichter|socio fundador|socia fundadora)\M', NULL, 'Founder'),
  (16, '\m(inhaber|inhaberin|proprietaire|propietario|propietaria|proprietario|proprietaria|titolare|eigenaar|eigenares)\M', NULL, 'Owner'),
  (21, '\m(geschaftsfuhr\w*|vorstand\w*|mitglied des vorstands|pdg|president directeur general|directeur general|directrice generale|director general|directora general|consejero delegado|consejera delegada|presidente|diretor geral|diretora geral|diretor executivo|diretora executiva|diretor presidente|amministratore delegato|amministratrice delegata|direttore generale|direttrice generale|algemeen directeur|algemeen directrice)\M', NULL, 'C-Suite'),
  (51, '\m(vicepresidente|vice presidente|vizeprasident|vizeprasidentin)\M', NULL, 'VP'),
  -- a team's or project's leader manages; any other Leiter/Leitung heads a function
  (58, '\m(team|projekt|gruppen|schicht)leiter(in)?\M|\m(teamleider|projectleider|leidinggevende|capo progetto)\M', NULL, 'Manager'),
  (61, '\w*leiter(in)?\M|\m(leitung|hoofd)\M', NULL, 'Head'),
  (71, '\m(directeur|directrice|directora|diretor|diretora|direttore|direttrice|dirigente)\M', NULL, 'Director'),
  (81, '\m(responsable|responsabile|gerente|jefe|jefa|chef de|cheffe de|chef des|supervisora|coordenador|coordenadora|gestor|gestora|managerin)\M|\w+manager(in)?\M', NULL, 'Manager'),
  (96, '\m(praktikant|praktikantin|werkstudentin|stagiaire|stagiair|alternant|alternante|becario|becaria|practicante|pasante|estagiario|estagiaria|stagista|tirocinante)\M', NULL, 'Intern'),
  (101, '\m(assistente|asistente|assistent|assistentin|auxiliar|aprendiz|apprendista)\M', NULL, 'Entry'),
  (901, '\m(entwickler|entwicklerin|ingenieur|ingenieurin|ingenieure|informatiker|informatikerin|berater|beraterin|referent|referentin|mitarbeiter|mitarbeiterin|buchhalter|buchhalterin|rechtsanwalt|rechtsanwaltin|justiziar|justiziarin|jurist|juristin|developpeur|developpeuse|comptable|juriste|avocat|avocate|analyste|commercial|commerciale|charge|chargee|desarrollador|desarrolladora|ingeniero|ingeniera|programador|programadora|analista|contador|contadora|abogado|abogada|vendedor|vendedora|ejecutivo|ejecutiva|disenador|disenadora|coordinador|coordinadora|desenvolvedor|desenvolvedora|engenheiro|engenheira|advogado|advogada|sviluppatore|sviluppatrice|ingegnere|contabile|avvocato|avvocata|consulente|agente|addetto|addetta|ontwikkelaar|medewerker|medewerkster|adviseur|analist|boekhouder|verkoper|programmeur|consultor|consultora|tecnico|tecnica)\M|\w+(entwickler|entwicklerin|analyst|analystin|berater|beraterin|referent|referentin|mitarbeiter|mitarbeiterin|ingenieur|ingenieurin|administrator|administratorin|rechtsanwalt|rechtsanwaltin|ontwikkelaar|jurist|juristin|betreuer|betreuerin)\M', NULL, 'Individual Contributor');

-- functions
INSERT INTO reference.job_title_rules (priority, pattern, job_function, seniority) VALUES
  (131, '\m(geschaftsfuhr\w*|vorstand\w*|mitglied des vorstands|inhaber|inhaberin|(co ?)?(grunder|grunderin|mitgrunder|mitgrunderin|fondateur|fondatrice|cofondateur|cofondatrice|fundador|fundadora|cofundador|cofundadora|fondatore|cofondatore)|pdg|president directeur general|directeur general|directrice generale|proprietaire|director general|directora general|consejero delegado|consejera delegada|propietario|propietaria|presidente|diretor geral|diretora geral|diretor executivo|diretora executiva|diretor presidente|socio fundador|socia fundadora|amministratore delegato|amministratrice delegata|direttore generale|direttrice generale|titolare|algemeen directeur|algemeen directrice|oprichter|medeoprichter|eigenaar|eigenares)\M', 'Executive Leadership', NULL),
  (201, '\m(sicherheit\w*|\w+sicherheit|securite|seguridad|seguranca|sicurezza|beveiliging)\M', 'Security', NULL),
  (211, '\m(daten\w*|donnees|datos|dados|dati)\M', 'Data', NULL),
  (221, '\m(kundenbetreu\w*|kundenservice|kundendienst|service client|relation client|atencion al cliente|servicio al cliente|atendimento|sucesso do cliente|exito del cliente|assistenza clienti|klantenservice|customer service|soporte|suporte|supporto)\M', 'Customer Success', NULL),
  (231, '\m(geschaftsentwicklung|developpement commercial|desarrollo de negocios?|desenvolvimento de negocios|sviluppo commerciale|bedrijfsontwikkeling)\M', 'Business Development', NULL),
  (241, '\m(vertrieb\w*|verkauf\w*|\w+vertrieb|aussendienst\w*|innendienst\w*|vente|ventes|commerciale|commerciaux|charge d affaires|ventas|comercial|vendedor|vendedora|ejecutiv[oa] de (ventas|cuentas)|gestor(a)? de cuentas|vendas|vendite|venditore|venditrice|commercio|verkoop\w*|verkoper|commercieel|accountmanager|accountmanagerin)\M', 'Sales', NULL),
  (251, '\m(marketing\w*|\w+marketing|communication|kommunikation|comunicacion|comunicacao|comunicazione|communicatie|mercadotecnia)\M', 'Marketing', NULL),
  (261, '\m(produktmanag\w*|produkt|produit|producto|produto|prodotto)\M', 'Product', NULL),
  (271, '\m(disenador|disenadora|grafik\w*|gestalter\w*|ontwerper|progettista|graphiste)\M', 'Design', NULL),
  (281, '\m(informatique|informatik|systemes d information|dsi|sistemas|sistemi informativi|systemadministrator\w*|systembeheerder|ict|edv)\M', 'Information Technology', NULL),
  (291, '\m(\w*entwickl\w*|ingenieur\w*|informatiker\w*|developpeur|developpeuse|technique|desarrollador|desarrolladora|ingeniero|ingeniera|programador|programadora|tecnologia|desenvolvedor|desenvolvedora|engenheiro|engenheira|sviluppatore|sviluppatrice|ingegnere|programmatore|programmatrice|\w*ontwikkelaar|programmeur)\M', 'Engineering', NULL),
  (301, '\m(finanz\w*|buchhalt\w*|rechnungswesen|controlling|financier|financiere|comptab\w*|finanzas|financiero|financiera|contab\w*|contador|contadora|financeiro|financeira|finanza|financieel|financiele|financien|boekhoud\w*)\M', 'Finance', NULL),
  (311, '\m(personalabteilung|personalwesen|personalleit\w*|personalreferent\w*|leiter personal|leiterin personal|ressources humaines|recrutement|recursos humanos|rrhh|risorse umane|personeelszaken|werving|rh|reclutamiento|recrutamento)\M', 'Human Resources', NULL),
  (321, '\m(\w*rechtsanw\w*|justiziar\w*|justitiar\w*|jurist\w*|\w+jurist|juriste|juridique|avocat|avocate|abogado|abogada|juridico|advogado|advogada|avvocato|avvocata|legale|advocaat|juridisch)\M', 'Legal', NULL),
  (331, '\m(logistik|einkauf\w*|\w+einkauf|beschaffung|logistique|achats|operaciones|logistica|compras|operacoes|acquisti|operazioni|logistiek|inkoop|chef de projet|cheffe de projet|projets|proyectos|projetos|progetti|capo progetto|projectleider|projektleit\w*|administrativo|administrativa|administratif|administrative|amministrativo)\M', 'Operations', NULL);
