/* The engine's own words in every language it speaks (i18n.h): one table,
 * keyed by the English text, so the code keeps its English literals where
 * they are used and English output never goes through the table.  Shared by
 * the core and the print library (limber-common): constant data only.
 *
 * Each row is a translation of the English format with the same printf
 * conversions in the same order (tests/test-i18n.c holds every row to it,
 * and every language to having every row).  German addresses the person as
 * "Sie", Spanish as "usted". */
#include "i18n.h"

#include <string.h>

static const char *const lang_codes[LIMBER_N_LANGS] = { "en", "de", "es" };

typedef struct {
  const char *text[LIMBER_N_LANGS];
} Row;

static const Row rows[] = {
  /* ---- the text plan (plan-text.c) ---- */
  { { "Stretching plan — rule set %s %s\n", "Dehnplan — Regelwerk %s %s\n",
      "Plan de estiramientos — conjunto de reglas %s %s\n" } },
  { { "Starts ", "Beginn: ", "Comienza: " } },
  { { " · goal: %s · %s min a day, %u days a week · seed %" G_GUINT64_FORMAT "\n",
      " · Ziel: %s · %s min pro Tag, %u Tage pro Woche · Startwert %" G_GUINT64_FORMAT "\n",
      " · objetivo: %s · %s min al día, %u días a la semana · semilla %" G_GUINT64_FORMAT "\n" } },
  { { "\nPlease note:\n", "\nBitte beachten Sie:\n", "\nTenga en cuenta:\n" } },
  { { "Because of:", "Grund:", "Motivo:" } },
  { { "A warning sign in your exercise log", "Ein Warnzeichen in Ihrem Übungsprotokoll",
      "Un signo de alarma en su registro de ejercicios" } },
  { { "No exercises are planned.\n", "Es sind keine Übungen geplant.\n", "No se ha planificado ningún ejercicio.\n" } },
  { { "     why: %s\n", "     warum: %s\n", "     por qué: %s\n" } },
  { { "     dose: ", "     Dosis: ", "     dosis: " } },
  { { " — rest day\n", " — Ruhetag\n", " — día de descanso\n" } },
  { { "\n!! SAFETY SCREENING INCOMPLETE: see the first note below.\n",
      "\n!! SICHERHEITSFRAGEN UNVOLLSTÄNDIG: siehe den ersten Hinweis unten.\n",
      "\n!! CUESTIONARIO DE SEGURIDAD INCOMPLETO: vea la primera nota más abajo.\n" } },
  { { "\nNO EXERCISES\n%s\nNo exercises are planned.\n", "\nKEINE ÜBUNGEN\n%s\nEs sind keine Übungen geplant.\n",
      "\nNINGÚN EJERCICIO\n%s\nNo se ha planificado ningún ejercicio.\n" } },
  { { "EMERGENCY", "NOTFALL", "URGENCIA" } },
  { { "SEE CLINICIAN", "ÄRZTLICHE ABKLÄRUNG", "CONSULTE A UN PROFESIONAL SANITARIO" } },
  { { "CAUTION", "VORSICHT", "PRECAUCIÓN" } },
  /* goals, as a person reads them */
  { { "recovery", "Erholung", "recuperación" } },
  { { "flexibility", "Beweglichkeit", "flexibilidad" } },
  { { "performance", "Leistung", "rendimiento" } },

  /* the default rule set's slot ids, as a person reads them (other ids are
   * printed as they are) */
  { { "warm-up", "Aufwärmen", "calentamiento" } },
  { { "mobility", "Mobilisation", "movilidad" } },
  { { "core", "Rumpf", "tronco" } },
  { { "relax", "Entspannung", "relajación" } },
  { { "stretch", "Dehnen", "estiramiento" } },
  { { "activation", "Aktivierung", "activación" } },
  { { "cool-down", "Abwärmen", "vuelta a la calma" } },
  { { "%s Done in place of %s.", "%s Anstelle von „%s“.", "%s En lugar de «%s»." } },

  /* ---- the printed week (engine/print) ---- */
  { { "Your stretching week", "Ihre Dehnwoche", "Su semana de estiramientos" } },
  { { "On each training day, do the exercises in the order of the numbers in that day's column. Move slowly, "
      "breathe, and stretch only to mild tension, never to pain.",
      "Machen Sie an jedem Trainingstag die Übungen in der Reihenfolge der Nummern in der Spalte dieses Tages. "
      "Bewegen Sie sich langsam, atmen Sie, und dehnen Sie nur bis zu einer leichten Spannung, nie bis zum Schmerz.",
      "Cada día de entrenamiento, haga los ejercicios en el orden de los números de la columna de ese día. Muévase "
      "despacio, respire y estire solo hasta una tensión leve, nunca hasta el dolor." } },
  { { "For %s", "Für %s", "Para %s" } },
  { { "%s min a day, %u day a week", "%s min pro Tag, %u Tag pro Woche", "%s min al día, %u día a la semana" } },
  { { "%s min a day, %u days a week", "%s min pro Tag, %u Tage pro Woche", "%s min al día, %u días a la semana" } },
  { { "rule set %s", "Regelwerk %s", "conjunto de reglas %s" } },
  { { "Standing", "Im Stehen", "De pie" } },
  { { "On a chair", "Auf einem Stuhl", "En una silla" } },
  { { "Kneeling or on hands and knees", "Im Knien oder im Vierfüßlerstand", "De rodillas o a cuatro patas" } },
  { { "On hands and knees", "Im Vierfüßlerstand", "A cuatro patas" } },
  { { "Kneeling", "Im Knien", "De rodillas" } },
  { { "On the floor", "Auf dem Boden", "En el suelo" } },
  { { "At a wall", "An der Wand", "En la pared" } },
  { { "each side", "pro Seite", "por lado" } },
  { { "Week %u: %s", "Woche %u: %s", "Semana %u: %s" } },
  { { "one", "ein", "una" } },
  { { "two", "zwei", "dos" } },
  { { "three", "drei", "tres" } },
  { { "four", "vier", "cuatro" } },
  { { "%s, %s extra set on the left", "%s, %s zusätzlicher Satz links", "%s, %s serie extra en el lado izquierdo" } },
  { { "%s, %s extra set on the right", "%s, %s zusätzlicher Satz rechts", "%s, %s serie extra en el lado derecho" } },
  { { "%s, %s extra sets on the left", "%s, %s zusätzliche Sätze links", "%s, %s series extra en el lado izquierdo" } },
  { { "%s, %s extra sets on the right", "%s, %s zusätzliche Sätze rechts", "%s, %s series extra en el lado derecho" } },
  { { "%s%s on %s", "%s%s am %s", "%s%s (%s)" } },
  { { "degrees", "Grad", "grados" } },
  { { "last time: left %s, right %s", "letztes Mal: links %s, rechts %s",
      "la última vez: lado izquierdo %s, lado derecho %s" } },
  { { "last time: %s", "letztes Mal: %s", "la última vez: %s" } },
  { { "%s: up from step %u to step %u, now %s", "%s: von Stufe %u auf Stufe %u gesteigert, jetzt %s",
      "%s: sube del nivel %u al nivel %u, ahora %s" } },
  { { "%s: eased back from step %u to step %u, now %s", "%s: von Stufe %u auf Stufe %u zurückgenommen, jetzt %s",
      "%s: baja del nivel %u al nivel %u, ahora %s" } },
  { { "No exercises fit yet", "Noch passen keine Übungen", "Todavía no encaja ningún ejercicio" } },
  { { "No exercises", "Keine Übungen", "Ningún ejercicio" } },
  { { "Your answers and choices leave no exercise this plan can offer you, so this week has none.",
      "Nach Ihren Antworten und Ihrer Auswahl bleibt keine Übung, die dieser Plan Ihnen anbieten kann; diese Woche "
      "hat daher keine.",
      "Sus respuestas y elecciones no dejan ningún ejercicio que este plan pueda ofrecerle, así que esta semana no "
      "tiene ninguno." } },
  { { "Get medical help now", "Holen Sie sich jetzt ärztliche Hilfe", "Busque ayuda médica ahora" } },
  { { "Please see a doctor or physiotherapist first",
      "Bitte gehen Sie zuerst zu einer Ärztin, einem Arzt oder in die Physiotherapie",
      "Consulte primero a un médico o a un fisioterapeuta" } },
  { { "Emergency", "Notfall", "Urgencia" } },
  { { "See a clinician", "Ärztliche Abklärung", "Consulte a un profesional sanitario" } },
  { { "Your answers show a warning sign that needs urgent care. Do not start an exercise programme.",
      "Ihre Antworten zeigen ein Warnzeichen, das sofort ärztlich abgeklärt werden muss. Beginnen Sie kein "
      "Übungsprogramm.",
      "Sus respuestas muestran un signo de alarma que necesita atención urgente. No empiece un programa de "
      "ejercicio." } },
  { { "Your answers or your exercise log show that your back should be assessed before you go on, so this plan has "
      "no exercises.",
      "Ihre Antworten oder Ihr Übungsprotokoll zeigen, dass Ihr Rücken untersucht werden sollte, bevor Sie "
      "weitermachen; dieser Plan enthält daher keine Übungen.",
      "Sus respuestas o su registro de ejercicios muestran que deben valorarle la espalda antes de continuar, así "
      "que este plan no tiene ejercicios." } },
  { { "Your answers show that your back should be assessed before you start a new exercise programme, so this plan "
      "has no exercises.",
      "Ihre Antworten zeigen, dass Ihr Rücken untersucht werden sollte, bevor Sie ein neues Übungsprogramm beginnen; "
      "dieser Plan enthält daher keine Übungen.",
      "Sus respuestas muestran que deben valorarle la espalda antes de empezar un programa de ejercicio nuevo, así "
      "que este plan no tiene ejercicios." } },
  { { "Your exercise log: discomfort has stayed above %s out of 10 for %s days or more, although the exercises were "
      "made easier.",
      "Ihr Übungsprotokoll: Die Beschwerden lagen über %s von 10, und zwar %s Tage oder länger, obwohl die Übungen "
      "leichter gemacht wurden.",
      "Su registro de ejercicios: las molestias han estado por encima de %s sobre 10 durante %s días o más, aunque "
      "los ejercicios se hicieron más fáciles." } },
  { { "Your exercise log and scans: %s weeks or more of regular practice without a measurable improvement.",
      "Ihr Übungsprotokoll und Ihre Messungen: %s Wochen oder mehr regelmäßiges Üben ohne messbare Besserung.",
      "Su registro de ejercicios y sus mediciones: %s semanas o más de práctica regular sin una mejoría medible." } },
  { { "Your exercise log shows a warning sign.", "Ihr Übungsprotokoll zeigt ein Warnzeichen.",
      "Su registro de ejercicios muestra un signo de alarma." } },
  { { "Your plan keeps you off the floor and this test is done lying down: ask your physiotherapist or doctor to "
      "take it, or leave it blank.",
      "Ihr Plan sieht keine Übungen auf dem Boden vor, dieser Test wird aber im Liegen gemacht: Lassen Sie ihn in "
      "Ihrer Physiotherapie- oder Arztpraxis durchführen oder lassen Sie das Feld leer.",
      "Su plan no incluye ejercicios en el suelo y esta prueba se hace tumbado: pida a su fisioterapeuta o a su "
      "médico que se la haga, o deje la casilla en blanco." } },
  { { "Your answers show a warning sign.", "Ihre Antworten zeigen ein Warnzeichen.",
      "Sus respuestas muestran un signo de alarma." } },
  { { "you answered %s", "Ihre Antwort: %s", "usted respondió «%s»" } },
  { { "yes", "ja", "sí" } },
  { { "no", "nein", "no" } },
  { { "your answer was %s or more", "Ihre Antwort war %s oder mehr", "su respuesta fue %s o más" } },
  { { "Safety screening is incomplete: %u of the safety questions %s not answered. Answer them before you start: "
      "this plan cannot rule out a reason to see a doctor first.",
      "Die Sicherheitsfragen sind unvollständig: %u der Sicherheitsfragen %s nicht beantwortet. Beantworten Sie sie, "
      "bevor Sie beginnen: Dieser Plan kann nicht ausschließen, dass Sie zuerst ärztlichen Rat brauchen.",
      "El cuestionario de seguridad está incompleto: %u de las preguntas de seguridad %s sin responder. Respóndalas "
      "antes de empezar: este plan no puede descartar un motivo para consultar antes a un médico." } },
  { { "The week at a glance", "Die Woche auf einen Blick", "La semana de un vistazo" } },
  { { "What changed since last week", "Was sich seit letzter Woche geändert hat", "Qué ha cambiado desde la semana pasada" } },
  { { "Please note", "Bitte beachten Sie", "Tenga en cuenta" } },
  { { "Stay safe", "Sicher üben", "Haga ejercicio con seguridad" } },
  { { "Stop and get urgent help if any of these happens",
      "Hören Sie auf und holen Sie sich sofort Hilfe, wenn eines davon eintritt",
      "Pare y busque ayuda urgente si ocurre cualquiera de estas cosas" } },
  { { "Your log", "Ihr Protokoll", "Su registro" } },
  { { "Fill in a line for each exercise after each session: it is what next week's plan is made from.",
      "Füllen Sie nach jeder Einheit eine Zeile pro Übung aus: Daraus wird der Plan der nächsten Woche erstellt.",
      "Rellene una línea por ejercicio después de cada sesión: con ellas se elabora el plan de la semana siguiente." } },
  { { "Tick Done when you did the exercise as written. If you did more or less, cross out the amount and write what "
      "you did. Discomfort: 0 is none, 10 the worst imaginable; write it for during the exercise, and again the next "
      "morning.",
      "Kreuzen Sie Ja an, wenn Sie die Übung wie beschrieben gemacht haben. Wenn Sie mehr oder weniger gemacht "
      "haben, streichen Sie die Menge durch und schreiben Sie auf, was Sie gemacht haben. Beschwerden: 0 heißt keine, "
      "10 die schlimmsten vorstellbaren; tragen Sie sie für die Zeit während der Übung ein und noch einmal am "
      "nächsten Morgen.",
      "Marque Sí cuando haya hecho el ejercicio tal como está escrito. Si hizo más o menos, tache la cantidad y "
      "escriba lo que hizo. Molestias: 0 es ninguna, 10 la peor imaginable; anote las que sienta durante el ejercicio "
      "y, otra vez, las de la mañana siguiente." } },
  { { "How to do each exercise", "So machen Sie jede Übung", "Cómo hacer cada ejercicio" } },
  { { "Why", "Warum", "Por qué" } },
  { { "What to do now", "Was Sie jetzt tun sollten", "Qué hacer ahora" } },
  { { "Exercise", "Übung", "Ejercicio" } },
  { { "How much", "Wie viel", "Cuánto" } },
  /* a column of the week's table: as short as the English */
  { { "Rest", "Ruhe", "Libre" } },
  { { "Date", "Datum", "Fecha" } },
  /* the log's narrow tick column: its heading a word as short as the English */
  { { "Done", "Ja", "Sí" } },
  { { "Sets \u00d7 reps or hold", "Sätze \u00d7 Wdh. oder Halten", "Series \u00d7 rep. o mantener" } },
  { { "During", "Während", "Durante" } },
  { { "Next morning", "Nächster Morgen", "Mañana siguiente" } },
  { { "tick", "Kreuz", "marca" } },
  { { "as planned, or what you did", "wie geplant, oder was Sie gemacht haben", "lo previsto, o lo que hizo" } },
  { { "discomfort 0\u2013" "10", "Beschw. 0\u2013" "10", "molest. 0\u2013" "10" } },
  { { "Re-scan: measure again", "Neue Messung: noch einmal messen", "Nueva medición: vuelva a medir" } },
  { { "Every two to four weeks, measure each movement as you did the first time, on both sides, and write the date "
      "and the numbers. The next plan reads them.",
      "Messen Sie alle zwei bis vier Wochen jede Bewegung so wie beim ersten Mal, auf beiden Seiten, und schreiben "
      "Sie das Datum und die Werte auf. Der nächste Plan berücksichtigt sie.",
      "Cada dos a cuatro semanas, mida cada movimiento como la primera vez, en los dos lados, y anote la fecha y los "
      "números. El próximo plan los tendrá en cuenta." } },
  { { "%s: the position", "%s: die Haltung", "%s: la postura" } },
  { { "%s: start and end position", "%s: Anfangs- und Endhaltung", "%s: postura inicial y final" } },
  { { "Goal", "Ziel", "Objetivo" } },
  { { "Time", "Zeit", "Tiempo" } },
  { { "Rule set", "Regelwerk", "Conjunto de reglas" } },
  { { "%s %s: done", "%s %s: erledigt", "%s %s: hecho" } },
  { { " reps", " Wdh.", " rep." } },
  { { "seconds held", "Sekunden gehalten", "segundos mantenidos" } },
  { { "seconds", "Sekunden", "segundos" } },
  { { "discomfort during, 0 to 10", "Beschwerden während, 0 bis 10", "molestias durante, de 0 a 10" } },
  { { "discomfort next morning, 0 to 10", "Beschwerden am nächsten Morgen, 0 bis 10",
      "molestias a la mañana siguiente, de 0 a 10" } },
  { { "Left", "Links", "Izquierdo" } },
  { { "Right", "Rechts", "Derecho" } },
  { { "Value", "Wert", "Valor" } },
  { { "Save the log as profile history (JSON)", "Protokoll als Profilverlauf speichern (JSON)",
      "Guardar el registro como historial del perfil (JSON)" } },
  { { "It saves a file, history.json, with the lines you filled in and the re-scan: add its \"history\" and "
      "\"rescans\" to the profile and plan the next week.",
      "Es speichert eine Datei, history.json, mit den ausgefüllten Zeilen und der neuen Messung: Übernehmen Sie deren "
      "\"history\" und \"rescans\" in das Profil und planen Sie die nächste Woche.",
      "Guarda un archivo, history.json, con las líneas que rellenó y la nueva medición: añada su \"history\" y sus "
      "\"rescans\" al perfil y planifique la semana siguiente." } },
  { { "the saved history", "der gespeicherte Verlauf", "el historial guardado" } },
  { { "Page %u of %u", "Seite %u von %u", "Página %u de %u" } },
  { { "<b>%s</b>, in %s%s%s", "<b>%s</b>, in %s%s%s", "<b>%s</b>, en %s%s%s" } },
  { { "%s, in %s", "%s, in %s", "%s, en %s" } },
  { { "%s (continued)", "%s (Fortsetzung)", "%s (continuación)" } },

  /* ---- why a dose changed (dose.c, schedule.c): the text plan's "dose:"
   * lines and the printed week's "what changed"; the JSON trace keeps the
   * English ---- */
  { { "step ", "Stufe ", "nivel " } },
  { { "step %u \u2192 %u: %u days since the last session (a break of %u+ days restarts lower)",
      "Stufe %u \u2192 %u: %u Tage seit der letzten Einheit (nach einer Pause von %u+ Tagen geht es niedriger weiter)",
      "nivel %u \u2192 %u: %u días desde la última sesión (tras una pausa de %u+ días se vuelve a empezar más abajo)" } },
  { { "step 1 held, the lowest: too much (discomfort %g above %g)",
      "Stufe 1 bleibt, die niedrigste: zu viel (Beschwerden %g, über %g)",
      "se mantiene el nivel 1, el más bajo: demasiado (molestias %g, por encima de %g)" } },
  { { "step 1 held, the lowest: worse the next morning (discomfort %g during, %g the next morning)",
      "Stufe 1 bleibt, die niedrigste: am nächsten Morgen schlimmer (Beschwerden %g während, %g am nächsten Morgen)",
      "se mantiene el nivel 1, el más bajo: peor a la mañana siguiente (molestias %g durante, %g a la mañana "
      "siguiente)" } },
  { { "step 1 held, the lowest: growing week on week (discomfort up from %g to %g)",
      "Stufe 1 bleibt, die niedrigste: von Woche zu Woche mehr (Beschwerden von %g auf %g gestiegen)",
      "se mantiene el nivel 1, el más bajo: aumentan semana a semana (molestias de %g a %g)" } },
  { { "step %u \u2192 %u: too much (discomfort %g above %g)",
      "Stufe %u \u2192 %u: zu viel (Beschwerden %g, über %g)",
      "nivel %u \u2192 %u: demasiado (molestias %g, por encima de %g)" } },
  { { "step %u \u2192 %u: worse the next morning (discomfort %g during, %g the next morning)",
      "Stufe %u \u2192 %u: am nächsten Morgen schlimmer (Beschwerden %g während, %g am nächsten Morgen)",
      "nivel %u \u2192 %u: peor a la mañana siguiente (molestias %g durante, %g a la mañana siguiente)" } },
  { { "step %u \u2192 %u: growing week on week (discomfort up from %g to %g)",
      "Stufe %u \u2192 %u: von Woche zu Woche mehr (Beschwerden von %g auf %g gestiegen)",
      "nivel %u \u2192 %u: aumentan semana a semana (molestias de %g a %g)" } },
  { { "step %u of %u: the top of the ladder", "Stufe %u von %u: die höchste Stufe", "nivel %u de %u: el más alto" } },
  { { "step %u held: discomfort %g in the last week (above %g)",
      "Stufe %u bleibt: Beschwerden %g in der letzten Woche (über %g)",
      "se mantiene el nivel %u: molestias %g en la última semana (por encima de %g)" } },
  { { "step %u held: already up %d step this week (at most %u)",
      "Stufe %u bleibt: diese Woche schon %d Stufe höher (höchstens %u)",
      "se mantiene el nivel %u: esta semana ya ha subido %d nivel (como mucho %u)" } },
  { { "step %u held: already up %d steps this week (at most %u)",
      "Stufe %u bleibt: diese Woche schon %d Stufen höher (höchstens %u)",
      "se mantiene el nivel %u: esta semana ya ha subido %d niveles (como mucho %u)" } },
  { { "step %u \u2192 %u: %u sessions completed, discomfort \u2264 %g",
      "Stufe %u \u2192 %u: %u Einheiten geschafft, Beschwerden \u2264 %g",
      "nivel %u \u2192 %u: %u sesiones completadas, molestias \u2264 %g" } },
  { { "step %u held: discomfort %g is acceptable, not yet safe (\u2264 %g)",
      "Stufe %u bleibt: Beschwerden %g sind vertretbar, aber noch nicht im sicheren Bereich (\u2264 %g)",
      "se mantiene el nivel %u: molestias %g aceptables, pero aún no en el rango seguro (\u2264 %g)" } },
  { { "step %u held: %u of %u sessions completed", "Stufe %u bleibt: %u von %u Einheiten geschafft",
      "se mantiene el nivel %u: %u de %u sesiones completadas" } },
  { { "replaced by %s: too much even at the first step", "ersetzt durch %s: schon auf der ersten Stufe zu viel",
      "sustituido por %s: demasiado incluso en el primer nivel" } },
  { { "step %u \u2192 %u: a fuller dose within the ladder fills the day's %g minutes",
      "Stufe %u \u2192 %u: eine vollere Dosis innerhalb der Stufen füllt die %g Minuten des Tages",
      "nivel %u \u2192 %u: una dosis más completa dentro de los niveles llena los %g minutos del día" } },

  /* ---- doses in words (dose-words.c) ---- */
  { { "%s hold", "%s halten", "mantener %s" } },
  { { "%s holds", "%s halten", "mantener %s" } },
  { { "%u rep", "%u Wdh.", "%u rep." } },
  { { "%u reps", "%u Wdh.", "%u rep." } },
  { { ", %s holds", ", je %s halten", ", mantener %s" } },
  { { "%u set", "%u Satz", "%u serie" } },
  { { "%u sets", "%u Sätze", "%u series" } },
  { { " each side", " pro Seite", " por lado" } },
  { { ", +%u set on the left", ", +%u Satz links", ", +%u serie en el lado izquierdo" } },
  { { ", +%u sets on the left", ", +%u Sätze links", ", +%u series en el lado izquierdo" } },
  { { ", +%u set on the right", ", +%u Satz rechts", ", +%u serie en el lado derecho" } },
  { { ", +%u sets on the right", ", +%u Sätze rechts", ", +%u series en el lado derecho" } },

  /* ---- reason placeholders (reason.c) ---- */
  { { "left", "links", "izquierdo" } },
  { { "right", "rechts", "derecho" } },

  /* ---- advisories the engine writes (generate.c, compose.c, schedule.c) ---- */
  { { "Safety screening is incomplete: %u of the safety questions %s not answered, so this plan cannot rule out a "
      "reason to see a doctor before exercising. Please answer them before you start.",
      "Die Sicherheitsfragen sind unvollständig: %u der Sicherheitsfragen %s nicht beantwortet. Daher kann dieser "
      "Plan nicht ausschließen, dass Sie vor dem Training ärztlichen Rat brauchen. Bitte beantworten Sie sie, bevor "
      "Sie beginnen.",
      "El cuestionario de seguridad está incompleto: %u de las preguntas de seguridad %s sin responder, así que este "
      "plan no puede descartar un motivo para consultar a un médico antes de hacer ejercicio. Respóndalas antes de "
      "empezar." } },
  { { "was", "wurde", "quedó" } },
  { { "were", "wurden", "quedaron" } },
  { { "Your answers and constraints leave no exercise in this plan that is safe and possible for you: every one is "
      "left out (by not using the floor, the equipment you have, the parts of the body you want to spare, or the "
      "cautions your answers raised). Allow a little more if you can, for example fewer parts of the body to spare, "
      "or ask a physiotherapist for a plan made for you.",
      "Nach Ihren Antworten und Einschränkungen bleibt in diesem Plan keine Übung, die für Sie sicher und machbar "
      "ist: Jede fällt weg (weil Sie nicht auf den Boden gehen, wegen Ihrer Hilfsmittel, der Körperteile, die Sie "
      "schonen möchten, oder der Vorsichtshinweise aus Ihren Antworten). Lassen Sie, wenn möglich, etwas mehr zu, "
      "zum Beispiel weniger zu schonende Körperteile, oder bitten Sie eine Physiotherapeutin oder einen "
      "Physiotherapeuten um einen Plan, der auf Sie zugeschnitten ist.",
      "Sus respuestas y limitaciones no dejan en este plan ningún ejercicio que sea seguro y posible para usted: "
      "todos quedan fuera (por no usar el suelo, por el material que tiene, por las partes del cuerpo que quiere "
      "proteger o por las precauciones que surgieron de sus respuestas). Si puede, permita un poco más, por ejemplo "
      "menos partes del cuerpo que proteger, o pida a un fisioterapeuta un plan hecho para usted." } },
  { { "%g minutes a day is too short for any exercise in this plan: the shortest takes about %g minutes. Choose at "
      "least %g minutes a day.",
      "%g Minuten pro Tag sind für jede Übung dieses Plans zu kurz: Die kürzeste dauert etwa %g Minuten. Wählen Sie "
      "mindestens %g Minuten pro Tag.",
      "%g minutos al día es demasiado poco para cualquier ejercicio de este plan: el más corto dura unos %g minutos. "
      "Elija al menos %g minutos al día." } },
  { { "%s is recommended every training day but does not fit in %g minutes; allow more minutes a day to include it.",
      "%s wird für jeden Trainingstag empfohlen, passt aber nicht in %g Minuten; planen Sie mehr Minuten pro Tag ein, "
      "um diese Übung aufzunehmen.",
      "Se recomienda «%s» cada día de entrenamiento, pero no cabe en %g minutos; dedique más minutos al día para "
      "incluirlo." } },
  { { "An exercise for your %s does not fit in %g minutes a day; allow a few more minutes to include one.",
      "Eine Übung für Ihre %s passt nicht in %g Minuten pro Tag; planen Sie ein paar Minuten mehr ein, um eine "
      "aufzunehmen.",
      "Un ejercicio para trabajar «%s» no cabe en %g minutos al día; dedique unos minutos más para incluir uno." } },
  { { "Your answers and constraints leave no exercise for your %s in this plan; ask a physiotherapist for one you can "
      "do.",
      "Nach Ihren Antworten und Einschränkungen bleibt in diesem Plan keine Übung für Ihre %s; bitten Sie eine "
      "Physiotherapeutin oder einen Physiotherapeuten um eine, die Sie machen können.",
      "Sus respuestas y limitaciones no dejan en este plan ningún ejercicio para trabajar «%s»; pida a un "
      "fisioterapeuta uno que pueda hacer." } },
  { { "Your sessions take about %s of your %g minutes: no more exercises suit your answers and constraints in this "
      "rule set.",
      "Ihre Einheiten dauern etwa %s Ihrer %g Minuten: Zu Ihren Antworten und Einschränkungen passen in diesem "
      "Regelwerk keine weiteren Übungen.",
      "Sus sesiones duran unos %s de sus %g minutos: ningún otro ejercicio de este conjunto de reglas se ajusta a sus "
      "respuestas y limitaciones." } },
};

const char *
limber_lang_code (LimberLang lang)
{
  g_return_val_if_fail ((unsigned) lang < LIMBER_N_LANGS, NULL);
  return lang_codes[lang];
}

gboolean
limber_lang_from_code (const char *code, LimberLang *lang)
{
  if (code == NULL)
    return FALSE;
  /* "de", "de-AT", "de_DE.UTF-8", "de_DE@euro": the language is what comes
   * before the first separator */
  gsize n = strcspn (code, "-_.@");
  for (unsigned i = 0; i < LIMBER_N_LANGS; i++)
    if (n == strlen (lang_codes[i]) && g_ascii_strncasecmp (code, lang_codes[i], n) == 0)
      {
        *lang = (LimberLang) i;
        return TRUE;
      }
  return FALSE;
}

/* The table's rows by their English text, built once: a German or Spanish
 * plan looks up every reason, dose and heading it writes (hundreds a plan,
 * on the generation and writing paths), and a search of the whole table for
 * each cost more than the rest of the words.  Read-only once built, so any
 * thread may look up. */
static GHashTable *
row_index (void)
{
  static gsize once = 0;
  static GHashTable *index = NULL;
  if (g_once_init_enter (&once))
    {
      GHashTable *built = g_hash_table_new (g_str_hash, g_str_equal);
      /* in reverse, so that the first row of an English text wins, as the
       * search did */
      for (gsize i = G_N_ELEMENTS (rows); i-- > 0;)
        g_hash_table_insert (built, (gpointer) rows[i].text[LIMBER_LANG_EN], (gpointer) &rows[i]);
      index = built;
      g_once_init_leave (&once, 1);
    }
  return index;
}

const char *
limber_msg (LimberLang lang, const char *english)
{
  /* English is the base: never looked up */
  if (lang == LIMBER_LANG_EN || (unsigned) lang >= LIMBER_N_LANGS || english == NULL)
    return english;
  const Row *row = g_hash_table_lookup (row_index (), english);
  return row != NULL && row->text[lang] != NULL ? row->text[lang] : english;
}

gboolean
limber_msg_row (guint i, LimberLang lang, const char **english, const char **translated)
{
  if (i >= G_N_ELEMENTS (rows) || (unsigned) lang >= LIMBER_N_LANGS)
    return FALSE;
  *english = rows[i].text[LIMBER_LANG_EN];
  *translated = rows[i].text[lang];
  return TRUE;
}

/* ---- dates and numbers -------------------------------------------------- */

/* By hand, not from the C library: its names follow the process locale, and
 * a plan's language is the plan's, not the process's. */
static const char *const weekdays[LIMBER_N_LANGS][8] = {
  { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  { "", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So." },
  { "", "lun", "mar", "mié", "jue", "vie", "sáb", "dom" },
};
static const char *const months[LIMBER_N_LANGS][13] = {
  { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
  /* Duden's abbreviations: the short months are written out */
  { "", "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez." },
  { "", "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic" },
};

const char *
limber_lang_weekday (LimberLang lang, GDateWeekday weekday)
{
  if ((unsigned) lang >= LIMBER_N_LANGS || weekday < G_DATE_MONDAY || weekday > G_DATE_SUNDAY)
    return "";
  return weekdays[lang][weekday];
}

const char *
limber_lang_month (LimberLang lang, unsigned month)
{
  if ((unsigned) lang >= LIMBER_N_LANGS || month < 1 || month > 12)
    return "";
  return months[lang][month];
}

void
limber_lang_append_day_month (GString *out, LimberLang lang, const GDate *date)
{
  unsigned d = g_date_get_day (date), m = g_date_get_month (date);
  if (lang == LIMBER_LANG_DE)
    g_string_append_printf (out, "%u. %s", d, limber_lang_month (lang, m));
  else
    g_string_append_printf (out, "%u %s", d, limber_lang_month (lang, m));
}

void
limber_lang_append_date (GString *out, LimberLang lang, const GDate *date)
{
  g_string_append (out, limber_lang_weekday (lang, g_date_get_weekday (date)));
  g_string_append (out, lang == LIMBER_LANG_DE ? ", " : " ");
  limber_lang_append_day_month (out, lang, date);
  g_string_append_printf (out, " %u", g_date_get_year (date));
}

char *
limber_lang_decimals_in (LimberLang lang, char *text)
{
  if (lang != LIMBER_LANG_DE && lang != LIMBER_LANG_ES)
    return text;
  for (char *p = text; *p; p++)
    if (*p == '.' && p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
      *p = ',';
  return text;
}

char *
limber_lang_decimal (LimberLang lang, char *buf)
{
  if (lang == LIMBER_LANG_DE || lang == LIMBER_LANG_ES)
    for (char *p = buf; *p; p++)
      if (*p == '.')
        *p = ',';
  return buf;
}
