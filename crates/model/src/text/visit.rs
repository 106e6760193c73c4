//! The home page, the Visit page, opening hours and the "open now" status, and the calendar's
//! words: weekday and month names, dates and times of day.

texts! {
    /// The home and Visit pages, the hours, the status, and how dates and times are written.
    pub struct VisitText {
        // The status ("Open now · closes at 6:00 pm"), from `hours.rs`.
        open_now: "Open now · closes {at}", "Abierto ahora · cierra {at}";
        /// On a day of special hours; `reason` is the clinic's ("Christmas Eve").
        open_now_special: "Open now ({reason} hours) · closes {at}", "Abierto ahora (horario especial por {reason}) · cierra {at}";
        /// Also a closed day in the hours table.
        closed: "Closed", "Cerrado";
        closed_today: "Closed today ({reason})", "Cerrado hoy ({reason})";
        /// `closed` is one of the two above; `when` one of the three below.
        then_opens: "{closed} · opens {when}", "{closed} · abre {when}";
        /// This week: "Friday at 8:00 am".
        opens_on_weekday: "{weekday} {at}", "el {weekday} {at}";
        /// A week or more ahead: "Wednesday, January 6 at 8:00 am".
        opens_on_date: "{date} {at}", "el {date} {at}";
        /// "at 6:00 pm".
        at_time: "at {time}", "a las {time}";
        /// At one o'clock (1:00 am, 1:00 pm) and midnight, where Spanish says "a la", not "a las".
        at_one: "at {time}", "a la {time}";
        /// A time on the 12-hour clock ("8:30 am"). Spanish keeps its parts together (no-break spaces).
        time_am: "{clock} am", "{clock}\u{a0}a.\u{a0}m.";
        time_pm: "{clock} pm", "{clock}\u{a0}p.\u{a0}m.";
        midnight: "midnight", "medianoche";

        // Dates.
        /// "Thursday, November 26"; Spanish names are lower case ("jueves 26 de noviembre").
        weekday_date: "{weekday}, {month} {day}", "{weekday} {day} de {month}";
        /// "March 4, 2025", "4 de marzo de 2025".
        long_date: "{month} {day}, {year}", "{day} de {month} de {year}";
        monday: "Monday", "lunes";
        tuesday: "Tuesday", "martes";
        wednesday: "Wednesday", "miércoles";
        thursday: "Thursday", "jueves";
        friday: "Friday", "viernes";
        saturday: "Saturday", "sábado";
        sunday: "Sunday", "domingo";
        january: "January", "enero";
        february: "February", "febrero";
        march: "March", "marzo";
        april: "April", "abril";
        may: "May", "mayo";
        june: "June", "junio";
        july: "July", "julio";
        august: "August", "agosto";
        september: "September", "septiembre";
        october: "October", "octubre";
        november: "November", "noviembre";
        december: "December", "diciembre";

        // The hours as the pages show them (`components/opening_hours.rs`).
        /// The phone link goes where `{phone}` is.
        hours_failed: "We couldn't load our opening hours just now. Call us on {phone} and we'll tell you.", "No pudimos cargar nuestro horario en este momento. Llámenos al {phone} y se lo diremos.";
        hours_caption: "Opening hours ({zone})", "Horario de atención ({zone})";
        hours_day: "Day", "Día";
        hours_hours: "Hours", "Horario";
        zone_pacific: "Pacific time", "hora del Pacífico";
        zone_mountain: "Mountain time", "hora de la montaña";
        zone_arizona: "Arizona time", "hora de Arizona";
        zone_central: "Central time", "hora del centro";
        zone_eastern: "Eastern time", "hora del este";
        /// Another zone, by its place ("Madrid time").
        zone_other: "{place} time", "hora de {place}";
        closures_none: "No closures are planned in the next 60 days.", "No hay cierres previstos en los próximos 60 días.";
        closed_all_day: "closed all day", "cerrado todo el día";
        /// The day's ranges go where `{hours}` is.
        open_only: "open {hours} only", "abierto solo {hours}";

        // The Visit page.
        visit_title: "Opening hours and directions", "Horario y cómo llegar";
        visit_description: "When {clinic} is open, holiday closures, the address in {locality} with directions, parking, buses and step-free access.", "Cuándo abre {clinic}, los cierres por días festivos, la dirección en {locality} con indicaciones para llegar, estacionamiento, autobuses y acceso sin escalones.";
        visit_heading: "Visit the clinic", "Visite la clínica";
        visit_intro: "When we are open, the days we are closed, how to find us and where to park, and how to book a visit.", "Cuándo abrimos, qué días cerramos, cómo encontrarnos, dónde estacionar y cómo pedir una cita.";
        hours_heading: "Opening hours", "Horario de atención";
        closures_heading: "Closures and holiday hours", "Cierres y horario de días festivos";
        address_heading: "Where we are", "Dónde estamos";
        directions: "Get directions", "Cómo llegar";
        directions_hint: " (opens your maps app)", " (abre su aplicación de mapas)";
        parking: "Parking", "Estacionamiento";
        transport: "By bus and bicycle", "En autobús y en bicicleta";
        access: "Step-free access", "Acceso sin escalones";
        book_heading: "Book an appointment", "Pida una cita";
        /// Before the clinic's number, inside its link.
        call_prefix: "Call ", "Llame al ";
        book_online: "Book online", "Pida una cita en línea";
        write_to_us: "Write to us", "Escríbanos";

        // The home page.
        home_title: "Chiropractor in {locality}, {region}", "Quiropráctico en {locality}, {region}";
        home_description: "{clinic} {tagline} Call {phone}, book, or see our opening hours and directions.", "{clinic}. {tagline} Llame al {phone}, pida una cita o vea nuestro horario y cómo llegar.";
        checklist_heading: "Back pain? Check your symptoms", "¿Le duele la espalda? Revise sus síntomas";
        checklist_text: "Answer a few questions to learn which signs need urgent care and which can wait for an appointment. Your answers stay on your phone.", "Responda unas preguntas para saber qué signos necesitan atención urgente y cuáles pueden esperar a una cita. Sus respuestas se quedan en su celular.";
        checklist_start: "Start the symptom checklist", "Empiece la lista de síntomas";
        articles_heading: "Latest articles", "Artículos recientes";
        articles_loading: "Loading articles…", "Cargando artículos…";
        articles_all: "All articles", "Todos los artículos";
        articles_none: "Articles are on their way.", "Pronto publicaremos artículos.";
        articles_failed: "We couldn't load the latest articles just now.", "No pudimos cargar los artículos recientes en este momento.";
        about_heading: "About the clinic", "Sobre la clínica";
    }
}
